package dev.tender.domain.payment;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.tender.domain.payment.PaymentFixtures.ALL_CAPABILITIES;
import static dev.tender.domain.payment.PaymentFixtures.AMOUNT;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.CARD;
import static dev.tender.domain.payment.PaymentFixtures.CUSTOMER;
import static dev.tender.domain.payment.PaymentFixtures.MERCHANT;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.authorized;
import static dev.tender.domain.payment.PaymentFixtures.capture;
import static dev.tender.domain.payment.PaymentFixtures.confirmCommand;
import static dev.tender.domain.payment.PaymentFixtures.createCommand;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.minutesAfterT0;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.onlineAcceptance;
import static dev.tender.domain.payment.PaymentFixtures.record;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Edges of the aggregate the flow tests pass by: one-step confirm, mandate mistakes, observation timing. */
class PaymentEdgesTest {

    @Test
    void createAndConfirmInOneStepLeavesTheAuthorizationInFlight() {
        // when
        Payment payment = ok(Payment.createAndConfirm(createCommand("pay_1", AMOUNT, CaptureMethod.MANUAL),
                confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0)));

        // then
        assertThat(payment.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(payment.inFlight().map(Transaction::kind)).contains(TransactionKind.AUTHORIZE);
        assertThat(payment.connector()).contains(PaymentFixtures.CONNECTOR);
    }

    @Test
    void commandBuildersReplaceOnlyTheirField() {
        // given
        CreatePayment create = createCommand("pay_1", AMOUNT, CaptureMethod.MANUAL)
                .withAuthorizationValidity(Duration.ofDays(30)).withMetadata(HashMap.of("order", "42"));

        // when
        Payment payment = ok(Payment.create(create));
        Payment updated = ok(payment.update(UpdatePayment.nothing(T0).metadata(HashMap.of("order", "43"))));

        // then
        assertThat(payment.authorizationValidity()).isEqualTo(Duration.ofDays(30));
        assertThat(payment.metadata().get("order")).contains("42");
        assertThat(updated.metadata().get("order")).contains("43");
        assertThat(updated.amount()).isEqualTo(AMOUNT);
        assertThat(updated.captureMethod()).isEqualTo(CaptureMethod.MANUAL);
    }

    @Test
    void aNonPositiveAuthorizationValidityIsRefused() {
        assertThat(rejected(Payment.create(createCommand("pay_1", AMOUNT, CaptureMethod.MANUAL)
                .withAuthorizationValidity(Duration.ZERO))).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
    }

    @Nested
    class Mandates {

        private Payment setupPayment() {
            return ok(Payment.create(createCommand("pay_setup", usd(0), CaptureMethod.AUTOMATIC)
                    .withCustomer(CUSTOMER)
                    .withMandateSetup(new MandateSetup(MandateType.MULTI_USE, Option.none(), onlineAcceptance()))));
        }

        @Test
        void aPaymentThatAskedForNoMandateActivatesNone() {
            Rejection rejection = rejected(authorized(CaptureMethod.AUTOMATIC).activateMandate(MandateId.of("m"), T0));
            assertThat(rejection.code()).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
        }

        @Test
        void aMandateIsNotActiveBeforeItsSetupSucceeded() {
            Payment sent = ok(setupPayment().confirm(confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0)));
            Rejection rejection = rejected(sent.activateMandate(MandateId.of("man_1"), T0));
            assertThat(rejection.code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
        }

        @Test
        void theMandateIsBoundToItsMerchantAndCustomer() {
            // given
            Payment setUp = approve(ok(setupPayment().confirm(confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0))),
                    AUTHORIZE);
            Mandate mandate = ok(setUp.activateMandate(MandateId.of("man_1"), T0));
            CreatePayment charge = CreatePayment.of(PaymentId.of("pay_2"), MERCHANT, usd(5_00),
                    CaptureMethod.AUTOMATIC, Option.none(), T0);

            // then
            assertThat(mandate.connectorMandateReference()).isEqualTo("ref");
            assertThat(rejected(Payment.createWithMandate(new CreatePayment(charge.id(), MerchantId.of("other"),
                    charge.amount(), charge.captureMethod(), charge.paymentMethod(), charge.customerId(),
                    charge.mandateSetup(), charge.metadata(), charge.authorizationValidity(), charge.at()), mandate))
                    .code()).isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
            assertThat(rejected(Payment.createWithMandate(charge.withCustomer("cus_other"), mandate)).code())
                    .isEqualTo(RejectionCode.MANDATE_VALIDATION_FAILED);
            assertThat(rejected(mandate.charge(PaymentId.of("pay_3"), Money.of(5_00, Currency.EUR), T0)).message())
                    .contains("EUR");
            assertThat(ok(Payment.createWithMandate(charge, mandate))._1.customerId()).contains(CUSTOMER);
        }

        @Test
        void aMandateRecordsTheLatestTimeItChanged() {
            Payment setUp = approve(ok(setupPayment().confirm(confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0))),
                    AUTHORIZE);
            Mandate mandate = ok(setUp.activateMandate(MandateId.of("man_1"), minutesAfterT0(10)));
            assertThat(ok(mandate.revoke(minutesAfterT0(5))).updatedAt()).isEqualTo(minutesAfterT0(10));
            assertThat(ok(mandate.revoke(minutesAfterT0(20))).updatedAt()).isEqualTo(minutesAfterT0(20));
        }
    }

    @Nested
    class ObservationTiming {

        private Payment refunding() {
            Payment captured = capture(authorized(CaptureMethod.MANUAL), "tx_capture", AMOUNT, false);
            return ok(captured.beginRefund(new Refund(tx("re_1"), usd(10_00), Option.none(), minutesAfterT0(1))));
        }

        @Test
        void aRefundHeldForReviewShowsReviewAndTheSameReportAgainChangesNothing() {
            // given
            Payment pending = record(refunding(), tx("re_1"), Outcome.Pending.of(), minutesAfterT0(2));

            // when
            Payment review = record(pending, tx("re_1"), new Outcome.Pending(true), minutesAfterT0(3));
            Payment again = record(review, tx("re_1"), new Outcome.Pending(true), minutesAfterT0(4));

            // then
            assertThat(pending.transaction(tx("re_1")).get().refundStatus()).isEqualTo(RefundStatus.PENDING);
            assertThat(review.transaction(tx("re_1")).get().refundStatus()).isEqualTo(RefundStatus.REVIEW);
            assertThat(again).isEqualTo(review);
        }

        @Test
        void anInterimReportNoNewerThanTheLastOneIsNotApplied() {
            // given
            Payment pending = record(refunding(), tx("re_1"), Outcome.Pending.of(), minutesAfterT0(2));

            // when
            Payment sameInstant = record(pending, tx("re_1"), new Outcome.Pending(true), minutesAfterT0(2));
            Payment stale = record(pending, tx("re_1"), new Outcome.Pending(true), minutesAfterT0(1));
            Payment newer = record(pending, tx("re_1"), new Outcome.Pending(true), minutesAfterT0(3));

            // then
            assertThat(sameInstant).isEqualTo(pending);
            assertThat(stale).isEqualTo(pending);
            assertThat(newer.transaction(tx("re_1")).get().refundStatus()).isEqualTo(RefundStatus.REVIEW);
        }

        @Test
        void aDuplicateInterimReportDeliveredAgainDoesNotUndoTheOneAfterIt() {
            // given pending, then requires action, reported with the same timestamp
            Payment sent = PaymentFixtures.confirmed(created(CaptureMethod.MANUAL));
            Payment pending = record(sent, AUTHORIZE, Outcome.Pending.of(), minutesAfterT0(1));
            Payment challenged = record(pending, AUTHORIZE,
                    new Outcome.RequiresAction(Redirect.get("https://acs.example/1")), minutesAfterT0(2));

            // when the first report is delivered again
            Payment again = record(challenged, AUTHORIZE, Outcome.Pending.of(), minutesAfterT0(1));

            // then
            assertThat(again).isEqualTo(challenged);
            assertThat(again.status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
        }

        @Test
        void theFirstAnswerToACallIsAppliedEvenIfTheConnectorsClockIsBehindOurs() {
            // given an authorization sent at minute 10
            Payment sent = ok(created(CaptureMethod.MANUAL).confirm(
                    confirmCommand(AUTHORIZE, ALL_CAPABILITIES, minutesAfterT0(10))));

            // when the 3DS challenge comes back stamped minute 9
            Payment challenged = record(sent, AUTHORIZE,
                    new Outcome.RequiresAction(Redirect.get("https://acs.example/1")), minutesAfterT0(9));

            // then the customer can be sent to the challenge
            assertThat(challenged.status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
            assertThat(challenged.nextAction().map(Redirect::url)).contains("https://acs.example/1");
        }

        @Test
        void aNewChallengeAfterTheFirstIsShownButTheSameOneIsNot() {
            // given
            Payment challenged = record(PaymentFixtures.confirmed(created(CaptureMethod.MANUAL)), AUTHORIZE,
                    new Outcome.RequiresAction(Redirect.get("https://acs.example/1")), minutesAfterT0(1));

            // when
            Payment same = record(challenged, AUTHORIZE,
                    new Outcome.RequiresAction(Redirect.get("https://acs.example/1")), minutesAfterT0(2));
            Payment second = record(challenged, AUTHORIZE,
                    new Outcome.RequiresAction(Redirect.get("https://acs.example/2")), minutesAfterT0(2));

            // then
            assertThat(same).isEqualTo(challenged);
            assertThat(second.nextAction().map(Redirect::url)).contains("https://acs.example/2");
        }

        @Test
        void aLateFinalAnswerNeverMovesUpdatedAtBackwards() {
            // given a capture sent at minute 10
            Payment capturing = ok(authorized(CaptureMethod.MANUAL).beginCapture(
                    new Capture(tx("tx_capture"), AMOUNT, false, minutesAfterT0(10))));

            // when its approval arrives stamped earlier (clock skew between connector and us)
            Payment captured = approve(capturing, tx("tx_capture"), minutesAfterT0(5));

            // then
            assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(captured.updatedAt()).isEqualTo(minutesAfterT0(10));
        }
    }

    @Test
    void anOrderApprovedWithoutAProcessorReferenceIsKnownByItsTransactionId() {
        Payment ordering = ok(created(CaptureMethod.MANUAL).beginOrder(new CreateOrder(tx("tx_order"),
                ALL_CAPABILITIES, T0)));
        Payment ordered = ok(ordering.recordOutcome(new RecordOutcome(tx("tx_order"),
                Outcome.Approved.withoutReference(), T0)));
        assertThat(ordered.orderReference()).contains("tx_order");
        assertThat(ordered.paymentMethod()).contains(CARD);
    }

    @Test
    void theLatestInstantOfAPaymentIsItsUpdatedAt() {
        Instant later = T0.plusSeconds(60);
        Payment payment = ok(created(CaptureMethod.MANUAL).update(UpdatePayment.nothing(later)));
        assertThat(payment.updatedAt()).isEqualTo(later);
        assertThat(payment.createdAt()).isEqualTo(T0);
    }
}
