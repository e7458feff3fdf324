package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.ports.in.VoidPaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.ReconciliationTask;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.capture;
import static dev.tender.application.TestTender.rejectionCode;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** An answer that says nothing (timeout, 5xx, crash) is retried with the same key and never guessed. */
class UnknownAnswersTest {

    final ScriptedConnector first = ScriptedConnector.withAllCapabilities("first");
    final ScriptedConnector second = ScriptedConnector.withAllCapabilities("second");
    final TestTender t = new TestTender(TestTender.fastSettings(), first, second)
            .withAccount("acc_first", "first", 1)
            .withAccount("acc_second", "second", 2);

    @Nested
    class UnknownOnEveryAttempt {

        @Test
        void thePaymentRequiresMerchantActionAfterThreeCallsWithOneKey() {
            // given
            first.always(Op.AUTHORIZE, new Outcome.Unknown("read timed out"));

            // when
            Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(payment.transactions().single().status()).isEqualTo(TransactionStatus.UNKNOWN);
            assertThat(first.count(Op.AUTHORIZE)).isEqualTo(ServiceSettings.defaults().attemptsPerConnector())
                    .isEqualTo(3);
            String key = payment.transactions().single().id().value() + ":acc_first";
            assertThat(first.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE)
                    .map(r -> r.context().idempotencyKey())).containsExactly(key, key, key);
        }

        @Test
        void noOtherAccountIsTriedBecauseTheFirstMayHaveActed() {
            // given
            first.always(Op.AUTHORIZE, new Outcome.Unknown("connection reset"));

            // when
            Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // then
            assertThat(second.calls()).isEmpty();
            assertThat(payment.connector()).contains("acc_first");
        }

        @Test
        void theTransactionStaysQueuedForTheReconciler() {
            // given
            first.always(Op.AUTHORIZE, new Outcome.Unknown("read timed out"));

            // when
            Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // then
            assertThat(t.inMemory.reconciliations.all().map(ReconciliationTask::transactionId))
                    .containsExactly(payment.transactions().single().id());
        }

        @Test
        void captureAndVoidAreRejectedWithoutCallingTheConnector() {
            // given
            first.always(Op.AUTHORIZE, new Outcome.Unknown("read timed out"));
            Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // when
            var captured = t.tender.payments().capture(capture(payment.id(), usd(10_000)));
            var voided = t.tender.payments().cancel(new VoidPaymentUseCase.Command(MERCHANT, payment.id(),
                    Option.none(), Option.none()));

            // then
            // the transition table allows neither from requires_merchant_action (IR_14); the payment is unchanged
            assertThat(rejectionCode(captured)).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(rejectionCode(voided)).isEqualTo(RejectionCode.PAYMENT_UNEXPECTED_STATE);
            assertThat(first.count(Op.CAPTURE) + first.count(Op.VOID)).isZero();
            assertThat(t.stored(payment.id())).isEqualTo(payment);
        }

        @Test
        void aConnectorThatThrowsCountsAsUnknown() {
            // given
            first.onCall(request -> {
                throw new IllegalStateException("bug in the adapter");
            });

            // when
            Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(first.count(Op.AUTHORIZE)).isEqualTo(3);
            assertThat(second.calls()).isEmpty();
        }
    }

    @Nested
    class UnknownThenApproved {

        @Test
        void theRetryWithTheSameKeyIsApplied() {
            // given
            first.answer(Op.AUTHORIZE, new Outcome.Unknown("read timed out"), Outcome.Approved.of("psp_1"));

            // when
            Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(payment.authorized()).isEqualTo(usd(10_000));
            assertThat(payment.connectorTransactionId()).contains("psp_1");
            assertThat(first.count(Op.AUTHORIZE)).isEqualTo(2);
            assertThat(first.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE)
                    .map(r -> r.context().idempotencyKey()).distinct()).hasSize(1);
            assertThat(second.calls()).isEmpty();
            assertThat(t.inMemory.reconciliations.all()).isEmpty();
        }

        @Test
        void anUnknownCaptureThenApprovedCapturesOnce() {
            // given
            Payment authorized = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);
            first.answer(Op.CAPTURE, new Outcome.Unknown("read timed out"), Outcome.Approved.of("psp_cap"));

            // when
            Payment captured = TestTender.right(t.tender.payments().capture(capture(authorized.id(), usd(10_000))));

            // then
            assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(captured.captured()).isEqualTo(usd(10_000));
            assertThat(first.<ConnectorRequest.Capture>requests(Op.CAPTURE)
                    .map(r -> r.context().idempotencyKey()).distinct()).hasSize(1);
            assertThat(first.count(Op.CAPTURE)).isEqualTo(2);
        }
    }
}
