package dev.tender.domain.payment.flows;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentFixtures;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RecordOutcome;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.Refund;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.Reverse;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.domain.payment.VoidPayment;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.tender.domain.payment.PaymentFixtures.ALL_CAPABILITIES;
import static dev.tender.domain.payment.PaymentFixtures.AMOUNT;
import static dev.tender.domain.payment.PaymentFixtures.AUTHORIZE;
import static dev.tender.domain.payment.PaymentFixtures.T0;
import static dev.tender.domain.payment.PaymentFixtures.approve;
import static dev.tender.domain.payment.PaymentFixtures.authorized;
import static dev.tender.domain.payment.PaymentFixtures.beginRefund;
import static dev.tender.domain.payment.PaymentFixtures.capture;
import static dev.tender.domain.payment.PaymentFixtures.captureCommand;
import static dev.tender.domain.payment.PaymentFixtures.minutesAfterT0;
import static dev.tender.domain.payment.PaymentFixtures.ok;
import static dev.tender.domain.payment.PaymentFixtures.record;
import static dev.tender.domain.payment.PaymentFixtures.rejected;
import static dev.tender.domain.payment.PaymentFixtures.tx;
import static dev.tender.domain.payment.PaymentFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** A connector answer is lost; reconciliation syncs it later, forward only. Also: cancel post capture. */
class ReconciliationFlowTest {

    private static final Instant CUTOFF = T0.plus(Duration.ofDays(1));

    /** A full capture of 100.00 whose answer was lost. */
    private static Payment captureUnknown() {
        Payment capturing = ok(authorized(CaptureMethod.MANUAL)
                .beginCapture(captureCommand("tx_capture", AMOUNT, false, minutesAfterT0(10))));
        return record(capturing, tx("tx_capture"), new Outcome.Unknown("read timeout"), minutesAfterT0(11));
    }

    private static Reverse reverse(String transactionId, Instant at) {
        return new Reverse(tx(transactionId), CUTOFF, at);
    }

    @Nested
    class UnknownOutcome {

        @Test
        void givenCaptureSent_whenAnswerUnknown_thenRequiresMerchantAction() {
            // given / when
            Payment unknown = captureUnknown();

            // then
            assertThat(unknown.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(unknown.transaction(tx("tx_capture")).get().status()).isEqualTo(TransactionStatus.UNKNOWN);
            assertThat(unknown.unresolved().map(t -> t.id()).toJavaList()).containsExactly(tx("tx_capture"));
            assertThat(unknown.captured()).isEqualTo(usd(0));
        }

        @Test
        void givenRequiresMerchantAction_whenNewCaptureBegun_thenRejected() {
            // given
            Payment unknown = captureUnknown();

            // when
            var result = unknown.beginCapture(captureCommand("tx_capture_2", usd(1_000), false, minutesAfterT0(12)));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(rejected(result).message()).contains("requires_merchant_action");
        }

        @Test
        void givenRequiresMerchantAction_whenVoidBegun_thenRejected() {
            // given
            Payment unknown = captureUnknown();

            // when
            var result = unknown.beginVoid(new VoidPayment(tx("tx_void"), Option.none(), minutesAfterT0(12)));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
        }
    }

    @Nested
    class SyncResolvesTheUnknown {

        @Test
        void givenUnknownCapture_whenSyncFindsItApproved_thenSucceeded() {
            // given
            Payment unknown = captureUnknown();

            // when
            Payment synced = approve(unknown, tx("tx_capture"), minutesAfterT0(20));

            // then
            assertThat(synced.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(synced.captured()).isEqualTo(AMOUNT);
            assertThat(synced.unresolved().isEmpty()).isTrue();
        }

        @Test
        void givenUnknownCapture_whenSyncFindsItDeclined_thenRequiresCaptureAgain() {
            // given
            Payment unknown = captureUnknown();

            // when
            Payment synced = record(unknown, tx("tx_capture"), new Outcome.Declined("capture_failed", "no"),
                    minutesAfterT0(20));

            // then
            assertThat(synced.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(synced.captured()).isEqualTo(usd(0));
            assertThat(synced.capturable()).isEqualTo(AMOUNT);
            assertThat(synced.failure().get().code()).isEqualTo("capture_failed");
        }

        @Test
        void givenDeclinedCapture_whenALaterCaptureSucceeds_thenTheOldErrorIsCleared() {
            // given
            Payment declined = record(captureUnknown(), tx("tx_capture"),
                    new Outcome.Declined("capture_failed", "no"), minutesAfterT0(20));

            // when
            Payment retried = approve(ok(declined.beginCapture(captureCommand("tx_capture_2", AMOUNT, false,
                    minutesAfterT0(21)))), tx("tx_capture_2"), minutesAfterT0(22));

            // then
            assertThat(retried.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(retried.failure().isEmpty()).isTrue();
        }

        @Test
        void givenAuthorizationFoundApprovedDaysLater_thenItsValidityCountsFromWhenItWasSent() {
            // given an authorization sent at T0 whose answer was lost
            Payment sent = ok(PaymentFixtures.created(CaptureMethod.MANUAL).confirm(
                    PaymentFixtures.confirmCommand(AUTHORIZE, ALL_CAPABILITIES, T0)));
            Payment unknown = record(sent, AUTHORIZE, new Outcome.Unknown("timeout"), T0.plusSeconds(30));

            // when a sync finds it approved three days later
            Payment synced = approve(unknown, AUTHORIZE, T0.plus(Duration.ofDays(3)));

            // then it lapses seven days after it was sent, not seven days after the sync
            assertThat(synced.authorizationExpiresAt()).contains(T0.plus(Duration.ofDays(7)));
            assertThat(synced.authorizationLapsed(T0.plus(Duration.ofDays(7)))).isTrue();
        }

        @Test
        void givenUnknownCapture_whenSyncFindsItPending_thenProcessing() {
            // given
            Payment unknown = captureUnknown();

            // when
            Payment synced = record(unknown, tx("tx_capture"), Outcome.Pending.of(), minutesAfterT0(20));

            // then
            assertThat(synced.status()).isEqualTo(PaymentStatus.PROCESSING);
            assertThat(synced.transaction(tx("tx_capture")).get().status()).isEqualTo(TransactionStatus.PENDING);
        }
    }

    @Nested
    class Escalation {

        private Payment capturePending() {
            Payment capturing = ok(authorized(CaptureMethod.MANUAL)
                    .beginCapture(captureCommand("tx_capture", AMOUNT, false, minutesAfterT0(10))));
            return record(capturing, tx("tx_capture"), Outcome.Pending.of(), minutesAfterT0(11));
        }

        @Test
        void givenPendingCapture_whenEscalated_thenRequiresMerchantActionWithTheReasonAndNoMoneyMoved() {
            // given
            Payment pending = capturePending();

            // when
            Payment escalated = ok(pending.escalate(tx("tx_capture"), "no answer after 6 syncs", minutesAfterT0(90)));

            // then
            assertThat(escalated.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(escalated.captured()).isEqualTo(pending.captured());
            assertThat(escalated.transaction(tx("tx_capture")).get().status()).isEqualTo(TransactionStatus.UNKNOWN);
            assertThat(escalated.failure().map(f -> f.code() + ": " + f.message()))
                    .contains(Payment.RECONCILIATION_EXHAUSTED + ": no answer after 6 syncs");
        }

        @Test
        void givenEscalatedCapture_whenTheConnectorAnswersLater_thenTheAnswerStillSettlesIt() {
            // given
            Payment escalated = ok(capturePending().escalate(tx("tx_capture"), "gave up", minutesAfterT0(90)));

            // when
            Payment settled = record(escalated, tx("tx_capture"), Outcome.Approved.of("ch_1"), minutesAfterT0(95));

            // then
            assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(settled.captured()).isEqualTo(AMOUNT);
            assertThat(settled.failure()).isEmpty();
        }

        @Test
        void givenSettledCapture_whenEscalated_thenNothingChanges() {
            // given
            Payment captured = record(capturePending(), tx("tx_capture"), Outcome.Approved.of("ch_1"),
                    minutesAfterT0(12));

            // when / then
            assertThat(ok(captured.escalate(tx("tx_capture"), "gave up", minutesAfterT0(90)))).isSameAs(captured);
        }

        @Test
        void givenMissingTransaction_whenEscalated_thenTransactionNotFound() {
            assertThat(rejected(capturePending().escalate(tx("tx_nobody_sent"), "gave up", minutesAfterT0(90))).code())
                    .isEqualTo(RejectionCode.TRANSACTION_NOT_FOUND);
        }
    }

    @Nested
    class ForwardOnly {

        @Test
        void givenApprovedCapture_whenSameApprovalReapplied_thenEqualPayment() {
            // given
            Payment synced = approve(captureUnknown(), tx("tx_capture"), minutesAfterT0(20));

            // when
            Payment again = approve(synced, tx("tx_capture"), minutesAfterT0(30));

            // then
            assertThat(again).isEqualTo(synced);
        }

        @Test
        void givenUnknownCapture_whenSameUnknownReapplied_thenEqualPayment() {
            // given
            Payment unknown = captureUnknown();

            // when
            Payment again = record(unknown, tx("tx_capture"), new Outcome.Unknown("read timeout"), minutesAfterT0(12));

            // then
            assertThat(again).isEqualTo(unknown);
        }

        @Test
        void givenApprovedCapture_whenDeclineObservedLater_thenNothingChanges() {
            // given
            Payment synced = approve(captureUnknown(), tx("tx_capture"), minutesAfterT0(20));

            // when
            Payment afterDecline = record(synced, tx("tx_capture"), new Outcome.Declined("capture_failed", "no"),
                    minutesAfterT0(30));

            // then
            assertThat(afterDecline).isEqualTo(synced);
            assertThat(afterDecline.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        }

        @Test
        void givenPendingCapture_whenOlderUnknownObserved_thenNothingChanges() {
            // given
            Payment pending = record(captureUnknown(), tx("tx_capture"), Outcome.Pending.of(), minutesAfterT0(20));

            // when
            Payment afterStale = record(pending, tx("tx_capture"), new Outcome.Unknown("timeout"), minutesAfterT0(25));

            // then
            assertThat(afterStale).isEqualTo(pending);
        }

        @Test
        void givenApprovedAuthorization_whenReappliedAfterCapture_thenCaptureIsKept() {
            // given
            Payment captured = capture(authorized(CaptureMethod.MANUAL), "tx_capture", AMOUNT, false);

            // when
            Payment afterLateWebhook = approve(captured, AUTHORIZE, minutesAfterT0(30));

            // then
            assertThat(afterLateWebhook).isEqualTo(captured);
            assertThat(afterLateWebhook.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        }
    }

    @Nested
    class ReverseBeforeSettlement {

        @Test
        void givenSucceededBeforeCutoff_whenReverseApproved_thenCancelledPostCapture() {
            // given
            Payment paid = authorized(CaptureMethod.AUTOMATIC);

            // when
            Payment reversing = ok(paid.beginReverse(reverse("tx_reverse", CUTOFF.minusSeconds(1))));
            Payment reversed = approve(reversing, tx("tx_reverse"), CUTOFF.minusSeconds(1));

            // then
            assertThat(reversing.transaction(tx("tx_reverse")).get().amount()).isEqualTo(AMOUNT);
            assertThat(reversing.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(reversed.status()).isEqualTo(PaymentStatus.CANCELLED_POST_CAPTURE);
        }

        @Test
        void givenPartiallyCaptured_whenReverseApproved_thenCancelledPostCapture() {
            // given
            Payment partly = capture(authorized(CaptureMethod.MANUAL), "tx_capture", usd(4_000), false);

            // when
            Payment reversed = approve(ok(partly.beginReverse(reverse("tx_reverse", T0))), tx("tx_reverse"));

            // then
            assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
            assertThat(reversed.status()).isEqualTo(PaymentStatus.CANCELLED_POST_CAPTURE);
        }

        @Test
        void givenCutoffReached_whenReversed_thenPreconditionFailed() {
            // given
            Payment paid = authorized(CaptureMethod.AUTOMATIC);

            // when
            var atCutoff = paid.beginReverse(reverse("tx_reverse", CUTOFF));
            var afterCutoff = paid.beginReverse(reverse("tx_reverse", CUTOFF.plusSeconds(1)));

            // then
            Rejection rejection = rejected(atCutoff);
            assertThat(rejection.code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("IR_16");
            assertThat(rejection.message()).contains("refund");
            assertThat(rejected(afterCutoff).code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
        }

        @Test
        void givenRefundPresent_whenReversed_thenPreconditionFailed() {
            // given
            Payment refunding = beginRefund(authorized(CaptureMethod.AUTOMATIC), "ref_1", usd(1_000));

            // when
            var result = refunding.beginReverse(reverse("tx_reverse", T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
            assertThat(rejected(result).message()).contains("refunds");
        }

        @Test
        void givenConnectorWithoutReverse_whenReversed_thenNotSupported() {
            // given
            Payment paid = authorized(CaptureMethod.AUTOMATIC, ALL_CAPABILITIES.remove(Capability.REVERSE));

            // when
            var result = paid.beginReverse(reverse("tx_reverse", T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.NOT_SUPPORTED);
            assertThat(rejected(result).code().hyperswitchCode()).isEqualTo("IR_19");
        }

        @Test
        void givenReverseInFlight_whenRefunded_thenPreconditionFailed() {
            // given
            Payment reversing = ok(authorized(CaptureMethod.AUTOMATIC).beginReverse(reverse("tx_reverse", T0)));

            // when
            var result = reversing.beginRefund(new Refund(tx("ref_1"), usd(1_000),
                    Option.none(), T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.PRECONDITION_FAILED);
        }
    }

    @Nested
    class TransactionIdentity {

        @Test
        void givenUnknownTransactionId_whenOutcomeRecorded_thenTransactionNotFound() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            var result = authorized.recordOutcome(new RecordOutcome(tx("tx_nobody_sent"),
                    Outcome.Approved.of("ref"), T0));

            // then
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.TRANSACTION_NOT_FOUND);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("HE_02");
            assertThat(rejection.message()).contains("tx_nobody_sent");
        }

        @Test
        void givenTransactionIdAlreadyUsed_whenCaptureBegunWithIt_thenDuplicateTransaction() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);

            // when
            var result = authorized.beginCapture(captureCommand(AUTHORIZE.value(), AMOUNT, false, T0));

            // then
            Rejection rejection = rejected(result);
            assertThat(rejection.code()).isEqualTo(RejectionCode.DUPLICATE_TRANSACTION);
            assertThat(rejection.code().hyperswitchCode()).isEqualTo("HE_01");
        }

        @Test
        void givenCaptureSent_whenRequiresActionRecordedForIt_thenInvalidRequest() {
            // given
            Payment capturing = ok(authorized(CaptureMethod.MANUAL)
                    .beginCapture(captureCommand("tx_capture", AMOUNT, false, T0)));

            // when
            var result = capturing.recordOutcome(new RecordOutcome(tx("tx_capture"),
                    new Outcome.RequiresAction(Redirect.get("https://x.example")), T0));

            // then
            assertThat(rejected(result).code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA);
        }
    }
}
