package dev.tender.domain.payment.flows;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.domain.payment.PaymentFixtures.AMOUNT;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.authorized;
import static dev.tender.domain.payment.PaymentFixtures.capture;
import static dev.tender.domain.payment.PaymentFixtures.captureCommand;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000: hold the buyer's money, capture each seller's share as it is fulfilled (manual_multiple). */
class MarketplaceFlowTest {

    @Nested
    class CapturesUntilNothingIsLeft {

        @Test
        void givenAuthorizedHundred_whenCapturedThirtyFiftyTwenty_thenPartiallyCapturedThenSucceeded() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL_MULTIPLE);

            // when
            Payment first = capture(authorized, "tx_capture_1", usd(3_000), false);
            Payment second = capture(first, "tx_capture_2", usd(5_000), false);
            Payment third = capture(second, "tx_capture_3", usd(2_000), false);

            // then
            assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(authorized.capturable()).isEqualTo(AMOUNT);

            assertThat(first.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
            assertThat(first.captured()).isEqualTo(usd(3_000));
            assertThat(first.capturable()).isEqualTo(usd(7_000));

            assertThat(second.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
            assertThat(second.captured()).isEqualTo(usd(8_000));
            assertThat(second.capturable()).isEqualTo(usd(2_000));

            assertThat(third.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(third.captured()).isEqualTo(AMOUNT);
            assertThat(third.authorized()).isEqualTo(AMOUNT);
            assertThat(third.capturable()).isEqualTo(usd(0));
        }
    }

    @Nested
    class FinalCaptureReleasesTheRest {

        @Test
        void givenPartiallyCaptured_whenSecondCaptureIsFinal_thenPartiallyCapturedWithNothingCapturable() {
            // given
            Payment first = capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1", usd(3_000), false);

            // when
            Payment last = capture(first, "tx_capture_2", usd(5_000), true);

            // then
            assertThat(last.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
            assertThat(last.captured()).isEqualTo(usd(8_000));
            assertThat(last.capturable()).isEqualTo(usd(0));
        }

        @Test
        void givenFinalCaptureDone_whenCapturedAgain_thenUnexpectedState() {
            // given
            Payment last = capture(capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1", usd(3_000),
                    false), "tx_capture_2", usd(5_000), true);

            // when
            var result = last.beginCapture(captureCommand("tx_capture_3", usd(1_000), false, T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
        }
    }

    @Nested
    class CaptureAboveCapturable {

        @Test
        void givenSeventyCapturable_whenCapturingSeventyPointZeroOne_thenInvalidRequestAndPaymentUnchanged() {
            // given
            Payment first = capture(authorized(CaptureMethod.MANUAL_MULTIPLE), "tx_capture_1", usd(3_000), false);

            // when
            var result = first.beginCapture(captureCommand("tx_capture_2", usd(7_001), false, T0));

            // then
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("IR_06");
            assertThat(rejection.message()).contains("70.01 USD").contains("70.00 USD");
            assertThat(first.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
            assertThat(first.capturable()).isEqualTo(usd(7_000));
            assertThat(first.transaction(tx("tx_capture_2")).isEmpty()).isTrue();
            assertThat(first.inFlight().isEmpty()).isTrue();
        }

        @Test
        void givenNothingCapturedYet_whenCapturingMoreThanAuthorized_thenInvalidRequest() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL_MULTIPLE);

            // when
            var result = authorized.beginCapture(captureCommand("tx_capture_1", usd(10_001), false, T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
            assertThat(authorized.transactions().size()).isEqualTo(1);
        }

        @Test
        void givenAuthorized_whenCapturingZero_thenInvalidRequest() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL_MULTIPLE);

            // when
            var result = authorized.beginCapture(captureCommand("tx_capture_1", usd(0), false, T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
        }
    }

    @Nested
    class OneCaptureAtATime {

        @Test
        void givenCapturePending_whenSecondCaptureBegun_thenPreconditionFailed() {
            // given
            Payment capturing = ok(authorized(CaptureMethod.MANUAL_MULTIPLE)
                    .beginCapture(captureCommand("tx_capture_1", usd(3_000), false, T0)));

            // when
            var result = capturing.beginCapture(captureCommand("tx_capture_2", usd(1_000), false, T0));

            // then
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("IR_16");
            assertThat(rejection.message()).contains("tx_capture_1");
            assertThat(capturing.transaction(tx("tx_capture_1")).get().status()).isEqualTo(TransactionStatus.PENDING);
        }
    }
}
