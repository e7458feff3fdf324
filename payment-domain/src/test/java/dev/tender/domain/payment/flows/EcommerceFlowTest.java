package dev.tender.domain.payment.flows;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Capture;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CreateOrder;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RecordOutcome;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import io.vavr.collection.HashSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.domain.payment.PaymentFixtures.ALL_CAPABILITIES;
import static dev.tender.domain.payment.PaymentFixtures.AMOUNT;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.CARD;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.capture;
import static dev.tender.domain.payment.PaymentFixtures.confirmCommand;
import static dev.tender.domain.payment.PaymentFixtures.confirmed;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000: create an order, authorize with it, capture when the goods ship. */
class EcommerceFlowTest {

    @Nested
    class OrderCreation {

        @Test
        void givenNewPayment_whenOrderApproved_thenOrderReferenceStoredAndStatusKept() {
            // given
            Payment payment = created(CaptureMethod.MANUAL);

            // when
            Payment ordering = ok(payment.beginOrder(new CreateOrder(tx("tx_order"), ALL_CAPABILITIES, T0)));
            Payment ordered = ok(ordering.recordOutcome(new RecordOutcome(
                    tx("tx_order"), Outcome.Approved.of("order_42"), T0)));

            // then
            assertThat(ordering.orderReference().isEmpty()).isTrue();
            assertThat(ordering.transaction(tx("tx_order")).get().kind()).isEqualTo(TransactionKind.ORDER);
            assertThat(ordered.orderReference().get()).isEqualTo("order_42");
            assertThat(ordered.status()).isEqualTo(PaymentStatus.REQUIRES_CONFIRMATION);
            assertThat(ordered.transaction(tx("tx_order")).get().status()).isEqualTo(TransactionStatus.SUCCEEDED);
        }

        @Test
        void givenConnectorWithoutOrders_whenOrderBegun_thenNotSupported() {
            // given
            Payment payment = created(CaptureMethod.MANUAL);

            // when
            var result = payment.beginOrder(new CreateOrder(tx("tx_order"), HashSet.empty(), T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.NOT_SUPPORTED);
        }

        @Test
        void givenOrderAlreadyCreated_whenSecondOrderBegun_thenPreconditionFailed() {
            // given
            Payment ordered = approve(ok(created(CaptureMethod.MANUAL)
                    .beginOrder(new CreateOrder(tx("tx_order"), ALL_CAPABILITIES, T0))), tx("tx_order"));

            // when
            var result = ordered.beginOrder(new CreateOrder(tx("tx_order_2"), ALL_CAPABILITIES, T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
        }
    }

    @Nested
    class AuthorizeThenCaptureWhenShipped {

        @Test
        void givenOrderedPayment_whenConfirmedApprovedAndCapturedInFull_thenSucceeded() {
            // given
            Payment ordered = approve(ok(created(CaptureMethod.MANUAL)
                    .beginOrder(new CreateOrder(tx("tx_order"), ALL_CAPABILITIES, T0))), tx("tx_order"));

            // when
            Payment authorizing = confirmed(ordered);
            Payment authorized = approve(authorizing, AUTHORIZE);
            Payment shipped = capture(authorized, "tx_capture", AMOUNT, false);

            // then
            assertThat(authorizing.status()).isEqualTo(PaymentStatus.PROCESSING);
            assertThat(authorizing.transaction(AUTHORIZE).get().kind()).isEqualTo(TransactionKind.AUTHORIZE);

            assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(authorized.authorized()).isEqualTo(AMOUNT);
            assertThat(authorized.captured()).isEqualTo(usd(0));
            assertThat(authorized.capturable()).isEqualTo(AMOUNT);
            assertThat(authorized.connectorTransactionId().get()).isEqualTo("ref");
            assertThat(authorized.orderReference().get()).isEqualTo("ref");

            assertThat(shipped.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(shipped.captured()).isEqualTo(AMOUNT);
            assertThat(shipped.capturable()).isEqualTo(usd(0));
            assertThat(shipped.paymentMethod().get()).isEqualTo(CARD);
        }

        @Test
        void givenCaptureBegun_whenNotAnsweredYet_thenStillRequiresCaptureWithNothingCaptured() {
            // given
            Payment authorized = approve(confirmed(created(CaptureMethod.MANUAL)), AUTHORIZE);

            // when
            Payment capturing = ok(authorized.beginCapture(
                    new Capture(tx("tx_capture"), AMOUNT, false, T0)));

            // then
            assertThat(capturing.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(capturing.captured()).isEqualTo(usd(0));
            assertThat(capturing.inFlight().get().id()).isEqualTo(tx("tx_capture"));
        }

        @Test
        void givenManualCapture_whenConnectorLacksManualCapture_thenConfirmNotSupported() {
            // given
            Payment payment = created(CaptureMethod.MANUAL);

            // when
            var result = payment.confirm(confirmCommand(
                    AUTHORIZE, ALL_CAPABILITIES.remove(Capability.MANUAL_CAPTURE), T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.NOT_SUPPORTED);
            assertThat(rejected(result).code().hyperswitchCode()).isEqualTo("IR_19");
        }
    }
}
