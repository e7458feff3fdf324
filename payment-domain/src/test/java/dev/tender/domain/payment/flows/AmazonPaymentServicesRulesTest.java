package dev.tender.domain.payment.flows;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Refund;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.VoidPayment;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.tender.domain.payment.PaymentFixtures.AMOUNT;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.authorized;
import static dev.tender.domain.payment.PaymentFixtures.beginRefund;
import static dev.tender.domain.payment.PaymentFixtures.capture;
import static dev.tender.domain.payment.PaymentFixtures.captureCommand;
import static dev.tender.domain.payment.PaymentFixtures.confirmed;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.record;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004: Amazon Payment Services' payment operations (purchase, capture, void, refund, lapse). */
class AmazonPaymentServicesRulesTest {

    /** The fixtures approve the authorization at T0, so it holds for the default seven days after. */
    private static final Instant LAPSES_AT = T0.plus(Duration.ofDays(7));

    private static Payment voided(Payment payment) {
        return approve(ok(payment.beginVoid(new VoidPayment(tx("tx_void"), Option.some("order cancelled"), T0))),
                tx("tx_void"));
    }

    @Nested
    class PurchaseInOneStep {

        @Test
        void givenAutomaticCapture_whenAuthorized_thenCapturedInTheSameStep() {
            // given
            Payment confirming = confirmed(created(CaptureMethod.AUTOMATIC));

            // when
            Payment purchased = approve(confirming, AUTHORIZE);

            // then
            assertThat(purchased.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(purchased.captured()).isEqualTo(AMOUNT);
            assertThat(purchased.transactions().map(t -> t.kind()).toJavaList())
                    .containsExactly(TransactionKind.AUTHORIZE);
        }
    }

    @Nested
    class MultipleCapturesUpToTheAuthorizedAmount {

        @Test
        void givenAuthorized_whenCapturedInTwoPartsToTheFullAmount_thenSucceeded() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL_MULTIPLE);

            // when
            Payment captured = capture(capture(authorized, "tx_capture_1", usd(6_000), false),
                    "tx_capture_2", usd(4_000), false);

            // then
            assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(captured.captured()).isEqualTo(captured.authorized());
        }

        @Test
        void givenSixtyOfHundredCaptured_whenCapturingFifty_thenRejectedAndNeverAboveAuthorized() {
            // given
            Payment partly = capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1", usd(6_000), false);

            // when
            var result = partly.beginCapture(captureCommand("tx_capture_2", usd(5_000), false, T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
            assertThat(partly.captured()).isEqualTo(usd(6_000));
            assertThat(partly.captured().isGreaterThan(partly.authorized())).isFalse();
        }

        @Test
        void givenSucceeded_whenCapturedAgain_thenUnexpectedState() {
            // given
            Payment succeeded = capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1", AMOUNT, false);

            // when
            var result = succeeded.beginCapture(captureCommand("tx_capture_2", usd(1), false, T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
        }
    }

    @Nested
    class VoidBeforeCapture {

        @Test
        void givenAuthorized_whenVoidApproved_thenCancelled() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            Payment voiding = ok(authorized.beginVoid(new VoidPayment(tx("tx_void"), Option.none(), T0)));
            Payment cancelled = approve(voiding, tx("tx_void"));

            // then
            assertThat(voiding.transaction(tx("tx_void")).get().kind()).isEqualTo(TransactionKind.VOID);
            assertThat(voiding.transaction(tx("tx_void")).get().amount()).isEqualTo(AMOUNT);
            assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
            assertThat(cancelled.captured()).isEqualTo(usd(0));
            assertThat(cancelled.capturable()).isEqualTo(usd(0));
        }

        @Test
        void givenVoidDeclined_whenRecorded_thenStillRequiresCapture() {
            // given
            Payment voiding = ok(authorized(CaptureMethod.MANUAL)
                    .beginVoid(new VoidPayment(tx("tx_void"), Option.none(), T0)));

            // when
            Payment declined = record(voiding, tx("tx_void"), new Outcome.Declined("void_failed", "no"), T0);

            // then
            assertThat(declined.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(declined.capturable()).isEqualTo(AMOUNT);
        }

        @Test
        void givenNeverConfirmed_whenVoided_thenCancelledAtOnceWithoutConnectorCall() {
            // given
            Payment created = created(CaptureMethod.MANUAL);

            // when
            Payment cancelled = ok(created.beginVoid(new VoidPayment(tx("tx_void"), Option.some("abandoned"), T0)));

            // then
            assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
            assertThat(cancelled.transactions().isEmpty()).isTrue();
            assertThat(cancelled.failure().get().message()).isEqualTo("abandoned");
        }
    }

    @Nested
    class VoidAfterPartialCaptures {

        @Test
        void givenThirtyOfHundredCaptured_whenVoidApproved_thenRemainderReleasedAndPartiallyCaptured() {
            // given
            Payment partly = capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1", usd(3_000), false);

            // when
            Payment voiding = ok(partly.beginVoid(new VoidPayment(tx("tx_void"), Option.none(), T0)));
            Payment released = approve(voiding, tx("tx_void"));

            // then
            assertThat(voiding.transaction(tx("tx_void")).get().amount()).isEqualTo(usd(7_000));
            assertThat(released.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
            assertThat(released.captured()).isEqualTo(usd(3_000));
            assertThat(released.capturable()).isEqualTo(usd(0));
        }

        @Test
        void givenCapturedThenVoided_whenPartiallyRefunded_thenRefundCappedByWhatWasCaptured() {
            // given
            Payment released = voided(capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1",
                    usd(3_000), false));

            // when
            Payment refunding = beginRefund(released, "ref_1", usd(1_000));
            var tooMuch = refunding.beginRefund(new Refund(tx("ref_2"), usd(2_001),
                    Option.none(), T0));

            // then
            assertThat(refunding.refundable()).isEqualTo(usd(2_000));
            assertThat(rejected(tooMuch).code()).isEqualTo(RejectionCode.REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT);
        }
    }

    @Nested
    class PartialRefund {

        @Test
        void givenPurchase_whenPartiallyRefunded_thenPaymentStaysSucceededWithTheRestRefundable() {
            // given
            Payment purchased = authorized(CaptureMethod.AUTOMATIC);

            // when
            Payment refunded = approve(beginRefund(purchased, "ref_1", usd(2_500)), tx("ref_1"));

            // then
            assertThat(refunded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(refunded.refunded()).isEqualTo(usd(2_500));
            assertThat(refunded.refundable()).isEqualTo(usd(7_500));
            assertThat(refunded.captured()).isEqualTo(AMOUNT);
        }

        @Test
        void givenUncapturedAuthorization_whenRefunded_thenUnexpectedState() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            var result = authorized.beginRefund(new Refund(tx("ref_1"), usd(1_000),
                    Option.none(), T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
        }
    }

    @Nested
    class AutomaticVoidWhenTheAuthorizationLapses {

        @Test
        void givenAuthorized_thenExpiresAtApprovalPlusValidity() {
            // given / when
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // then
            assertThat(authorized.authorizationExpiresAt().get()).isEqualTo(LAPSES_AT);
        }

        @Test
        void givenAuthorizationStillValid_whenExpired_thenPreconditionFailed() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            var result = authorized.expire(LAPSES_AT.minusMillis(1));

            // then
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("IR_16");
            assertThat(authorized.authorizationLapsed(LAPSES_AT.minusMillis(1))).isFalse();
        }

        @Test
        void givenRequiresCapture_whenExpiredAtTheDeadline_thenExpired() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            Payment expired = ok(authorized.expire(LAPSES_AT));

            // then
            assertThat(authorized.authorizationLapsed(LAPSES_AT)).isTrue();
            assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(expired.capturable()).isEqualTo(usd(0));
            assertThat(expired.captured()).isEqualTo(usd(0));
            assertThat(expired.transactions()).isEqualTo(authorized.transactions());
            assertThat(expired.authorizationLapsed(LAPSES_AT)).isFalse();
        }

        @Test
        void givenRequiresCapture_whenExpiredAfterTheDeadline_thenExpired() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            Payment expired = ok(authorized.expire(LAPSES_AT.plus(Duration.ofDays(1))));

            // then
            assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
        }

        @Test
        void givenPartiallyCapturedAndCapturable_whenExpired_thenPartiallyCapturedKeepingTheCaptures() {
            // given
            Payment partly = capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1", usd(3_000), false);

            // when
            Payment expired = ok(partly.expire(LAPSES_AT));

            // then
            assertThat(partly.authorizationLapsed(LAPSES_AT)).isTrue();
            assertThat(expired.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
            assertThat(expired.captured()).isEqualTo(usd(3_000));
            assertThat(expired.capturable()).isEqualTo(usd(0));
        }

        @Test
        void givenSucceeded_whenExpired_thenUnexpectedStateAndNeverLapsed() {
            // given
            Payment purchased = authorized(CaptureMethod.AUTOMATIC);

            // when
            var result = purchased.expire(LAPSES_AT);

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(purchased.authorizationLapsed(LAPSES_AT.plus(Duration.ofDays(30)))).isFalse();
        }

        @Test
        void givenCaptureInFlight_whenExpiredAfterTheDeadline_thenPreconditionFailed() {
            // given
            Payment capturing = ok(authorized(CaptureMethod.MANUAL)
                    .beginCapture(captureCommand("tx_capture", AMOUNT, false, T0)));

            // when
            var result = capturing.expire(LAPSES_AT);

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
            assertThat(rejected(result).message()).contains("tx_capture");
        }
    }
}
