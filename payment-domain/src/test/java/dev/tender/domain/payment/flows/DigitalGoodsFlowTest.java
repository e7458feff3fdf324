package dev.tender.domain.payment.flows;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Refund;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.domain.payment.PaymentFixtures.AMOUNT;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.authorized;
import static dev.tender.domain.payment.PaymentFixtures.beginRefund;
import static dev.tender.domain.payment.PaymentFixtures.captureCommand;
import static dev.tender.domain.payment.PaymentFixtures.confirmed;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.record;
import static dev.tender.domain.payment.PaymentFixtures.refundStatus;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000: instant-access products are captured with the authorization (automatic capture). */
class DigitalGoodsFlowTest {

    private static Payment paid() {
        return authorized(CaptureMethod.AUTOMATIC);
    }

    private static Payment refunded(Payment payment, String refundId, long cents) {
        return approve(beginRefund(payment, refundId, usd(cents)), tx(refundId));
    }

    @Nested
    class AutomaticCapture {

        @Test
        void givenAutomaticCapture_whenConfirmedAndApproved_thenSucceededWithEverythingCaptured() {
            // given
            Payment confirming = confirmed(created(CaptureMethod.AUTOMATIC));

            // when
            Payment paid = approve(confirming, AUTHORIZE);

            // then
            assertThat(confirming.status()).isEqualTo(PaymentStatus.PROCESSING);
            assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(paid.authorized()).isEqualTo(AMOUNT);
            assertThat(paid.captured()).isEqualTo(AMOUNT);
            assertThat(paid.capturable()).isEqualTo(usd(0));
            assertThat(paid.authorizationExpiresAt().isEmpty()).isTrue();
        }

        @Test
        void givenSucceededAutomaticPayment_whenCaptured_thenUnexpectedState() {
            // given
            Payment paid = paid();

            // when
            var result = paid.beginCapture(captureCommand("tx_capture", usd(1_000), false, T0));

            // then
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("IR_14");
            assertThat(rejection.message()).contains("automatic");
        }

        @Test
        void givenAutomaticPaymentDeclined_whenRecorded_thenFailedWithTheReason() {
            // given
            Payment confirming = confirmed(created(CaptureMethod.AUTOMATIC));

            // when
            Payment declined = record(confirming, AUTHORIZE, new Outcome.Declined("card_declined", "Declined"), T0);

            // then
            assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(declined.captured()).isEqualTo(usd(0));
            assertThat(declined.failure().get().message()).isEqualTo("Declined");
        }
    }

    @Nested
    class RefundLimit {

        @Test
        void givenTwoPartialRefunds_whenRefundExceedsTheRest_thenRefundAmountExceedsPaymentAmount() {
            // given
            Payment twiceRefunded = refunded(refunded(paid(), "ref_1", 3_000), "ref_2", 5_000);

            // when
            var result = twiceRefunded.beginRefund(new Refund(tx("ref_3"), usd(2_001), Option.none(), T0));

            // then
            assertThat(twiceRefunded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(twiceRefunded.refunded()).isEqualTo(usd(8_000));
            assertThat(twiceRefunded.refundable()).isEqualTo(usd(2_000));
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("IR_13");
        }

        @Test
        void givenTwoPartialRefunds_whenRefundingExactlyTheRest_thenAccepted() {
            // given
            Payment twiceRefunded = refunded(refunded(paid(), "ref_1", 3_000), "ref_2", 5_000);

            // when
            Payment fully = refunded(twiceRefunded, "ref_3", 2_000);

            // then
            assertThat(fully.refunded()).isEqualTo(AMOUNT);
            assertThat(fully.refundable()).isEqualTo(usd(0));
            assertThat(fully.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        }

        @Test
        void givenPendingRefund_whenAnotherRefundExceedsWhatIsLeft_thenRejected() {
            // given
            Payment pendingRefund = beginRefund(paid(), "ref_1", usd(6_000));

            // when
            var tooMuch = pendingRefund.beginRefund(new Refund(tx("ref_2"), usd(5_000), Option.none(), T0));
            var rest = pendingRefund.beginRefund(new Refund(tx("ref_2"), usd(4_000), Option.none(), T0));

            // then
            assertThat(pendingRefund.refunded()).isEqualTo(usd(0));
            assertThat(pendingRefund.refundable()).isEqualTo(usd(4_000));
            assertThat(rejected(tooMuch).code()).isEqualTo(RejectionCode.REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT);
            assertThat(rest.isRight()).isTrue();
        }

        @Test
        void givenFailedRefund_whenRefundingTheSameAmountAgain_thenAccepted() {
            // given
            Payment failedRefund = record(beginRefund(paid(), "ref_1", usd(6_000)), tx("ref_1"),
                    new Outcome.Declined("refund_failed", "Refund failed"), T0);

            // when
            var retried = failedRefund.beginRefund(new Refund(tx("ref_2"), usd(6_000), Option.none(), T0));

            // then
            assertThat(failedRefund.refundable()).isEqualTo(AMOUNT);
            assertThat(retried.isRight()).isTrue();
            assertThat(retried.get().refundable()).isEqualTo(usd(4_000));
        }

        @Test
        void givenRefundIdAlreadyUsed_whenRefunded_thenDuplicateTransaction() {
            // given
            Payment refundedOnce = refunded(paid(), "ref_1", 1_000);

            // when
            var result = refundedOnce.beginRefund(new Refund(tx("ref_1"), usd(1_000), Option.none(), T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.DUPLICATE_TRANSACTION);
        }

        @Test
        void givenZeroRefund_whenRefunded_thenInvalidRequest() {
            // given
            Payment paid = paid();

            // when
            var result = paid.beginRefund(new Refund(tx("ref_1"), usd(0), Option.none(), T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
        }
    }

    @Nested
    class RefundStatuses {

        @Test
        void givenRefundJustBegun_thenPending() {
            // given
            Payment paid = paid();

            // when
            Payment refunding = beginRefund(paid, "ref_1", usd(1_000));

            // then
            assertThat(refundStatus(refunding, "ref_1")).isEqualTo(RefundStatus.PENDING);
            assertThat(refunding.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        }

        @Test
        void givenRefundApproved_thenSucceeded() {
            // given
            Payment refunding = beginRefund(paid(), "ref_1", usd(1_000));

            // when
            Payment refunded = approve(refunding, tx("ref_1"));

            // then
            assertThat(refundStatus(refunded, "ref_1")).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(refunded.refunded()).isEqualTo(usd(1_000));
            assertThat(refunded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        }

        @Test
        void givenRefundDeclined_thenFailed() {
            // given
            Payment refunding = beginRefund(paid(), "ref_1", usd(1_000));

            // when
            Payment declined = record(refunding, tx("ref_1"), new Outcome.Declined("refund_failed", "no"), T0);

            // then
            assertThat(refundStatus(declined, "ref_1")).isEqualTo(RefundStatus.FAILED);
            assertThat(declined.refunded()).isEqualTo(usd(0));
            assertThat(declined.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        }

        @Test
        void givenRefundHeldForReview_thenReview() {
            // given
            Payment refunding = beginRefund(paid(), "ref_1", usd(1_000));

            // when
            Payment held = record(refunding, tx("ref_1"), new Outcome.Pending(true), T0);

            // then
            assertThat(refundStatus(held, "ref_1")).isEqualTo(RefundStatus.REVIEW);
            assertThat(held.refundable()).isEqualTo(usd(9_000));
        }

        @Test
        void givenRefundStillPendingAtConnector_thenPending() {
            // given
            Payment refunding = beginRefund(paid(), "ref_1", usd(1_000));

            // when
            Payment pending = record(refunding, tx("ref_1"), Outcome.Pending.of(), T0);

            // then
            assertThat(refundStatus(pending, "ref_1")).isEqualTo(RefundStatus.PENDING);
        }
    }
}
