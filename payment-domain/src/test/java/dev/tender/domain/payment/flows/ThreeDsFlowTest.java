package dev.tender.domain.payment.flows;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.domain.payment.VoidPayment;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.domain.payment.PaymentFixtures.AMOUNT;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.confirmed;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.minutesAfterT0;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.record;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;

/** The issuer asks for a 3DS challenge: the customer is redirected, comes back, and the authorization resumes. */
class ThreeDsFlowTest {

    private static final Redirect CHALLENGE = Redirect.get("https://acs.example.com/challenge/1");

    /** Confirmed at T0, challenge observed one minute later. */
    private static Payment awaitingCustomer() {
        return record(confirmed(created(CaptureMethod.MANUAL)), AUTHORIZE, new Outcome.RequiresAction(CHALLENGE),
                minutesAfterT0(1));
    }

    @Nested
    class ChallengeThenApproval {

        @Test
        void givenConfirmed_whenConnectorRequiresAction_thenRequiresCustomerActionWithTheRedirect() {
            // given
            Payment confirming = confirmed(created(CaptureMethod.MANUAL));

            // when
            Payment challenged = record(confirming, AUTHORIZE, new Outcome.RequiresAction(CHALLENGE),
                    minutesAfterT0(1));

            // then
            assertThat(challenged.status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
            assertThat(challenged.nextAction().get()).isEqualTo(CHALLENGE);
            assertThat(challenged.nextAction().get().method()).isEqualTo("GET");
            assertThat(challenged.transaction(AUTHORIZE).get().awaitingCustomer()).isTrue();
            assertThat(challenged.inFlight().isEmpty()).isTrue();
        }

        @Test
        void givenRequiresCustomerAction_whenCompleted_thenProcessingWithoutNextAction() {
            // given
            Payment challenged = awaitingCustomer();

            // when
            Payment resumed = ok(challenged.completeAuthorize(minutesAfterT0(5)));

            // then
            assertThat(resumed.status()).isEqualTo(PaymentStatus.PROCESSING);
            assertThat(resumed.nextAction().isEmpty()).isTrue();
            assertThat(resumed.transaction(AUTHORIZE).get().awaitingCustomer()).isFalse();
            assertThat(resumed.inFlight().get().id()).isEqualTo(AUTHORIZE);
        }

        @Test
        void givenCompleted_whenApproved_thenRequiresCapture() {
            // given
            Payment resumed = ok(awaitingCustomer().completeAuthorize(minutesAfterT0(5)));

            // when
            Payment approved = approve(resumed, AUTHORIZE, minutesAfterT0(6));

            // then
            assertThat(approved.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(approved.authorized()).isEqualTo(AMOUNT);
            assertThat(approved.capturable()).isEqualTo(AMOUNT);
        }

        @Test
        void givenNotAwaitingCustomer_whenCompleted_thenUnexpectedState() {
            // given
            Payment processing = confirmed(created(CaptureMethod.MANUAL));

            // when
            var result = processing.completeAuthorize(minutesAfterT0(5));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(rejected(result).message()).contains("requires_customer_action");
        }
    }

    @Nested
    class VoidWhileAwaitingCustomer {

        @Test
        void givenRequiresCustomerAction_whenVoided_thenCancelledWithoutConnectorTransaction() {
            // given
            Payment challenged = awaitingCustomer();

            // when
            Payment cancelled = ok(challenged.beginVoid(new VoidPayment(tx("tx_void"), Option.none(),
                    minutesAfterT0(2))));

            // then
            assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
            assertThat(cancelled.nextAction().isEmpty()).isTrue();
            assertThat(cancelled.transaction(tx("tx_void")).isEmpty()).isTrue();
            assertThat(cancelled.transactions().map(t -> t.kind()).toJavaList())
                    .containsExactly(TransactionKind.AUTHORIZE);
            assertThat(cancelled.transaction(AUTHORIZE).get().status()).isEqualTo(TransactionStatus.FAILED);
            assertThat(cancelled.unresolved().isEmpty()).isTrue();
        }
    }

    @Nested
    class StaleObservations {

        @Test
        void givenCompleted_whenOlderRequiresActionObserved_thenNothingChanges() {
            // given
            Payment resumed = ok(awaitingCustomer().completeAuthorize(minutesAfterT0(5)));

            // when
            Payment afterStale = record(resumed, AUTHORIZE, new Outcome.RequiresAction(CHALLENGE), minutesAfterT0(1));

            // then
            assertThat(afterStale).isEqualTo(resumed);
            assertThat(afterStale.status()).isEqualTo(PaymentStatus.PROCESSING);
            assertThat(afterStale.nextAction().isEmpty()).isTrue();
        }

        @Test
        void givenRequiresCustomerAction_whenSameChallengeObservedAgain_thenNothingChanges() {
            // given
            Payment challenged = awaitingCustomer();

            // when
            Payment again = record(challenged, AUTHORIZE, new Outcome.RequiresAction(CHALLENGE), minutesAfterT0(2));

            // then
            assertThat(again).isEqualTo(challenged);
        }

        @Test
        void givenCompleted_whenIssuerDeclines_thenFailed() {
            // given
            Payment resumed = ok(awaitingCustomer().completeAuthorize(minutesAfterT0(5)));

            // when
            Payment declined = record(resumed, AUTHORIZE,
                    new Outcome.Declined("authentication_failed", "3DS failed"), minutesAfterT0(6));

            // then
            assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(declined.failure().get().code()).isEqualTo("authentication_failed");
            assertThat(declined.authorized().isZero()).isTrue();
        }
    }
}
