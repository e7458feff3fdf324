package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.OutboxEvent;
import dev.tender.ports.out.ReconciliationTask;
import dev.tender.ports.out.RefundRecord;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.capture;
import static dev.tender.application.TestTender.createAndConfirm;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Begin (save the pending transaction) → call the connector → record the outcome, for every operation. */
class TwoPhaseFlowTest {

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    @Nested
    class Authorization {

        @Test
        void theConnectorGetsTheIdempotencyKeyOfTransactionAndAccount() {
            // when
            Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // then
            Transaction authorization = payment.transactions().single();
            ConnectorRequest.Authorize sent = connector.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE).single();
            assertThat(sent.context().idempotencyKey()).isEqualTo(authorization.id().value() + ":acc_1");
            assertThat(sent.context().transactionId()).isEqualTo(authorization.id());
            assertThat(sent.context().paymentId()).isEqualTo(payment.id());
            assertThat(sent.context().account().id()).isEqualTo("acc_1");
            assertThat(sent.amount()).isEqualTo(usd(10_000));
            assertThat(sent.captureMethod()).isEqualTo(CaptureMethod.MANUAL);
            assertThat(sent.method()).isEqualTo(TestTender.card());
        }

        @Test
        void thePendingTransactionIsSavedAndQueuedForReconciliationBeforeTheConnectorIsCalled() {
            // given
            AtomicReference<Option<Payment>> storedDuringCall = new AtomicReference<>();
            AtomicReference<List<ReconciliationTask>> queuedDuringCall = new AtomicReference<>();
            AtomicReference<ConnectorRequest> request = new AtomicReference<>();
            connector.onCall(r -> {
                request.set(r);
                storedDuringCall.set(t.inMemory.payments.find(MERCHANT, r.context().paymentId()));
                queuedDuringCall.set(t.inMemory.reconciliations.all());
            });

            // when
            Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // then
            Payment duringCall = storedDuringCall.get().getOrElseThrow(() ->
                    new AssertionError("the payment was not stored before the connector call"));
            assertThat(duringCall.status()).isEqualTo(PaymentStatus.PROCESSING);
            Transaction open = duringCall.transaction(request.get().context().transactionId()).get();
            assertThat(open.kind()).isEqualTo(TransactionKind.AUTHORIZE);
            assertThat(open.status()).isEqualTo(TransactionStatus.PENDING);
            assertThat(queuedDuringCall.get().map(ReconciliationTask::transactionId)).containsExactly(open.id());
            assertThat(queuedDuringCall.get().single().paymentId()).isEqualTo(payment.id());
            assertThat(queuedDuringCall.get().single().dueAt())
                    .isEqualTo(TestTender.START.plus(TestTender.fastSettings().firstReconcileDelay()));
        }

        @Test
        void anApprovedManualAuthorizationAwaitsCaptureAndLeavesNothingToReconcile() {
            // given
            connector.answer(Op.AUTHORIZE, Outcome.Approved.of("psp_auth_1"));

            // when
            Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(payment.authorized()).isEqualTo(usd(10_000));
            assertThat(payment.captured()).isEqualTo(usd(0));
            assertThat(payment.connector()).contains("acc_1");
            assertThat(payment.connectorTransactionId()).contains("psp_auth_1");
            assertThat(t.stored(payment.id())).isEqualTo(payment);
            assertThat(t.inMemory.reconciliations.all()).isEmpty();
        }
    }

    @Nested
    class CaptureFinality {

        @Test
        void theConnectorIsToldACaptureIsFinalWhenThePaymentTakesOnlyOne() {
            // given a payment with one capture (manual), captured without asking for a final capture
            connector.answer(Op.AUTHORIZE, Outcome.Approved.of("psp_auth_final"));
            Payment authorized = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // when
            Payment captured = right(t.tender.payments().capture(capture(authorized.id(), usd(4_000))));

            // then the domain closed the payment to further captures, and the processor heard the same
            assertThat(captured.transactions().last().finalCapture()).isTrue();
            assertThat(connector.<ConnectorRequest.Capture>requests(Op.CAPTURE).single().finalCapture()).isTrue();
        }

        @Test
        void aPartialCaptureOfAPaymentTakingSeveralIsNotFinal() {
            // given
            connector.answer(Op.AUTHORIZE, Outcome.Approved.of("psp_auth_multi"));
            Payment authorized = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL_MULTIPLE);

            // when
            right(t.tender.payments().capture(capture(authorized.id(), usd(4_000))));

            // then
            assertThat(connector.<ConnectorRequest.Capture>requests(Op.CAPTURE).single().finalCapture()).isFalse();
        }
    }

    @Nested
    class CaptureThenRefund {

        @Test
        void statusesRefundRecordAndOutboxEventsFollowEachStep() {
            // given
            connector.answer(Op.AUTHORIZE, Outcome.Approved.of("psp_auth_1"));
            connector.answer(Op.REFUND, Outcome.Approved.of("psp_refund_1"));
            Payment authorized = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // when
            Payment captured = right(t.tender.payments().capture(capture(authorized.id(), usd(10_000))));
            RefundRecord refund = right(t.tender.refunds().refund(new RefundPaymentUseCase.Command(MERCHANT,
                    authorized.id(), Option.none(), Option.some(usd(4_000)), Option.some("requested_by_customer"),
                    Option.none())));

            // then
            assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(captured.captured()).isEqualTo(usd(10_000));
            ConnectorRequest.Capture sentCapture = connector.<ConnectorRequest.Capture>requests(Op.CAPTURE).single();
            assertThat(sentCapture.connectorTransactionId()).isEqualTo("psp_auth_1");
            assertThat(sentCapture.amount()).isEqualTo(usd(10_000));

            assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(refund.amount()).isEqualTo(usd(4_000));
            assertThat(refund.paymentId()).isEqualTo(authorized.id());
            assertThat(refund.merchantId()).isEqualTo(MERCHANT);
            assertThat(refund.reason()).contains("requested_by_customer");
            assertThat(refund.connectorRefundId()).contains("psp_refund_1");
            assertThat(t.tender.refunds().get(MERCHANT, refund.refundId()).get()).isEqualTo(refund);
            ConnectorRequest.Refund sentRefund = connector.<ConnectorRequest.Refund>requests(Op.REFUND).single();
            assertThat(sentRefund.context().idempotencyKey()).isEqualTo(refund.refundId().value() + ":acc_1");
            assertThat(sentRefund.connectorTransactionId()).isEqualTo("psp_auth_1");

            Payment after = t.stored(authorized.id());
            assertThat(after.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(after.refunded()).isEqualTo(usd(4_000));
            assertThat(after.refundable()).isEqualTo(usd(6_000));

            assertThat(t.inMemory.outbox.pending(100).map(OutboxEvent::type)).containsExactly(
                    "payment_authorized", "payment_succeeded", "refund_succeeded");
            assertThat(t.inMemory.outbox.pending(100).last().refundId()).contains(refund.refundId());
            assertThat(t.inMemory.outbox.pending(100).map(OutboxEvent::paymentId)).containsOnly(authorized.id());
            assertThat(t.inMemory.reconciliations.all()).isEmpty();
        }

        @Test
        void aPartialManualCaptureIsAPartiallyCapturedEvent() {
            // given
            Payment authorized = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // when
            Payment captured = right(t.tender.payments().capture(capture(authorized.id(), usd(2_500))));

            // then
            assertThat(captured.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
            assertThat(captured.captured()).isEqualTo(usd(2_500));
            assertThat(t.inMemory.outbox.pending(100).map(OutboxEvent::type)).containsExactly(
                    "payment_authorized", "payment_captured");
        }

        @Test
        void aDeclinedRefundIsAFailedRefundRecordAndTheMoneyIsRefundableAgain() {
            // given
            connector.answer(Op.REFUND, new Outcome.Declined("insufficient_funds", "merchant balance too low"));
            Payment paid = t.createConfirmed(usd(10_000), CaptureMethod.AUTOMATIC);

            // when
            RefundRecord refund = right(t.tender.refunds().refund(new RefundPaymentUseCase.Command(MERCHANT,
                    paid.id(), Option.none(), Option.none(), Option.none(), Option.none())));

            // then
            assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(refund.status()).isEqualTo(RefundStatus.FAILED);
            assertThat(refund.amount()).isEqualTo(usd(10_000));
            assertThat(refund.failure().map(f -> f.code())).contains("insufficient_funds");
            assertThat(t.stored(paid.id()).refundable()).isEqualTo(usd(10_000));
            assertThat(t.inMemory.outbox.pending(100).map(OutboxEvent::type)).containsExactly(
                    "payment_succeeded", "refund_failed");
        }
    }

    @Test
    void createWithoutConfirmSavesThePaymentAndCallsNoConnector() {
        // given
        var command = createAndConfirm(usd(500), CaptureMethod.AUTOMATIC);
        var createOnly = new dev.tender.ports.in.CreatePaymentUseCase.Command(command.merchantId(),
                command.paymentId(), command.amount(), command.captureMethod(), command.paymentMethod(),
                command.customerId(), command.setupMandate(), command.metadata(), false, command.returnUrl(),
                command.idempotencyKey(), Option.none());

        // when
        Payment created = right(t.tender.payments().create(createOnly));

        // then
        assertThat(created.status()).isEqualTo(PaymentStatus.REQUIRES_CONFIRMATION);
        assertThat(created.transactions()).isEmpty();
        assertThat(connector.calls()).isEmpty();
        assertThat(t.inMemory.outbox.pending(100)).isEmpty();
    }

    /** What merchants hear of: each status once, never the two-phase flow's own {@code processing} of a begin. */
    @Nested
    class Announcements {

        @Test
        void aDeclinedCaptureAnnouncesNothingThePaymentIsAsItWas() {
            // given
            connector.answer(Op.CAPTURE, new Outcome.Declined("do_not_honor", "declined"));
            Payment authorized = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // when
            t.tender.payments().capture(capture(authorized.id(), usd(10_000)));

            // then
            assertThat(t.stored(authorized.id()).status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(t.inMemory.outbox.pending(100).map(OutboxEvent::type)).containsExactly("payment_authorized");
        }

        @Test
        void aProcessorStillWorkingIsAnnouncedOnceAndItsDecisionOnce() {
            // given: the processor says "pending", twice, then approves
            connector.answer(Op.AUTHORIZE, new Outcome.Pending(false));
            connector.answer(Op.SYNC, new Outcome.Pending(false), Outcome.Approved.of("psp_1"));
            Payment pending = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);

            // when
            t.tender.payments().sync(MERCHANT, pending.id());
            t.tender.payments().sync(MERCHANT, pending.id());

            // then
            assertThat(pending.status()).isEqualTo(PaymentStatus.PROCESSING);
            assertThat(t.stored(pending.id()).status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(t.inMemory.outbox.pending(100).map(OutboxEvent::type))
                    .containsExactly("payment_processing", "payment_authorized");
        }
    }
}
