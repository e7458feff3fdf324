package dev.tender.domain.payment.flows;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.IncrementAuthorization;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.domain.payment.PaymentFixtures.ALL_CAPABILITIES;
import static dev.tender.domain.payment.PaymentFixtures.AMOUNT;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.authorized;
import static dev.tender.domain.payment.PaymentFixtures.capture;
import static dev.tender.domain.payment.PaymentFixtures.confirmed;
import static dev.tender.domain.payment.PaymentFixtures.created;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.record;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000: pre-authorize a stay, add incidentals by an incremental authorization, capture the final bill. */
class HotelFlowTest {

    private static IncrementAuthorization increment(String transactionId, long newTotalCents) {
        return new IncrementAuthorization(tx(transactionId), usd(newTotalCents), T0);
    }

    @Nested
    class IncrementThenCaptureAdjustedAmount {

        @Test
        void givenAuthorizedStay_whenIncrementedAndApproved_thenNewTotalAuthorized() {
            // given
            Payment stay = authorized(CaptureMethod.MANUAL);

            // when
            Payment incrementing = ok(stay.beginIncrement(increment("tx_increment", 15_000)));
            Payment incremented = approve(incrementing, tx("tx_increment"));

            // then
            assertThat(incrementing.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(incrementing.authorized()).isEqualTo(AMOUNT);
            assertThat(incrementing.transaction(tx("tx_increment")).get().kind())
                    .isEqualTo(TransactionKind.INCREMENT);

            assertThat(incremented.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(incremented.authorized()).isEqualTo(usd(15_000));
            assertThat(incremented.amount()).isEqualTo(usd(15_000));
            assertThat(incremented.capturable()).isEqualTo(usd(15_000));
        }

        @Test
        void givenIncrementedStay_whenCapturedBelowNewTotal_thenPartiallyCaptured() {
            // given
            Payment incremented = approve(ok(authorized(CaptureMethod.MANUAL)
                    .beginIncrement(increment("tx_increment", 15_000))), tx("tx_increment"));

            // when
            Payment checkedOut = capture(incremented, "tx_capture", usd(12_000), false);

            // then
            assertThat(checkedOut.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
            assertThat(checkedOut.captured()).isEqualTo(usd(12_000));
            assertThat(checkedOut.authorized()).isEqualTo(usd(15_000));
            assertThat(checkedOut.capturable()).isEqualTo(usd(0));
        }

        @Test
        void givenIncrementDeclined_whenRecorded_thenAuthorizationUnchanged() {
            // given
            Payment incrementing = ok(authorized(CaptureMethod.MANUAL)
                    .beginIncrement(increment("tx_increment", 15_000)));

            // when
            Payment declined = record(incrementing, tx("tx_increment"),
                    new Outcome.Declined("do_not_honor", "Do not honor"), T0);

            // then
            assertThat(declined.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(declined.authorized()).isEqualTo(AMOUNT);
            assertThat(declined.amount()).isEqualTo(AMOUNT);
            assertThat(declined.failure().get().code()).isEqualTo("do_not_honor");
        }
    }

    @Nested
    class IncrementNotAboveAuthorized {

        @Test
        void givenHundredAuthorized_whenIncrementedToHundred_thenInvalidRequest() {
            // given
            Payment stay = authorized(CaptureMethod.MANUAL);

            // when
            var same = stay.beginIncrement(increment("tx_increment", 10_000));
            var lower = stay.beginIncrement(increment("tx_increment", 9_000));

            // then
            assertThat(rejected(same).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
            assertThat(rejected(same).code().hyperswitchCode()).isEqualTo("IR_06");
            assertThat(rejected(lower).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
        }
    }

    @Nested
    class ConnectorWithoutIncrementalAuthorization {

        @Test
        void givenConnectorLacksIncrementalAuthorization_whenIncremented_thenNotSupported() {
            // given
            Payment stay = authorized(CaptureMethod.MANUAL,
                    ALL_CAPABILITIES.remove(Capability.INCREMENTAL_AUTHORIZATION));

            // when
            var result = stay.beginIncrement(increment("tx_increment", 15_000));

            // then
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.NOT_SUPPORTED);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("IR_19");
            assertThat(rejection.message()).contains("incremental_authorization");
        }
    }

    @Nested
    class IncrementOnlyFromRequiresCapture {

        @Test
        void givenPaymentStillProcessing_whenIncremented_thenUnexpectedStateNamingOperationAndStatuses() {
            // given
            Payment processing = confirmed(created(CaptureMethod.MANUAL));

            // when
            var result = processing.beginIncrement(increment("tx_increment", 15_000));

            // then
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("IR_14");
            assertThat(rejection.message())
                    .contains("incrementally authorized")
                    .contains("increment_authorization")
                    .contains("processing")
                    .contains("requires_capture");
        }

        @Test
        void givenPartiallyCaptured_whenIncremented_thenUnexpectedState() {
            // given
            Payment partiallyCaptured = capture(authorized(CaptureMethod.MANUAL), "tx_capture", usd(5_000), false);

            // when
            var result = partiallyCaptured.beginIncrement(increment("tx_increment", 15_000));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(rejected(result).message()).contains("partially_captured");
        }
    }
}
