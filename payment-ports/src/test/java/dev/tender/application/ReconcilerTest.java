package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.ReconciliationTask;
import dev.tender.ports.out.RefundRecord;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.tender.application.TestTender.capture;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** The janitor: open transactions are synced with their connector on a back-off schedule. */
class ReconcilerTest {

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    /** A manual payment authorized, then a capture whose every attempt is answered unknown. */
    Payment withUnknownCapture() {
        connector.answer(Op.AUTHORIZE, Outcome.Approved.of("psp_auth"));
        Payment authorized = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);
        connector.answer(Op.CAPTURE, new Outcome.Unknown("timeout"), new Outcome.Unknown("timeout"),
                new Outcome.Unknown("timeout"));
        return right(t.tender.payments().capture(capture(authorized.id(), usd(10_000))));
    }

    static Transaction captureOf(Payment payment) {
        return payment.transactions().find(tx -> tx.kind() == TransactionKind.CAPTURE).get();
    }

    /** When an open transaction is first synced: never while its call may still be running. */
    static final Duration FIRST_SYNC = TestTender.fastSettings().firstReconcileDelay();

    ReconciliationTask taskOf(TransactionId transactionId) {
        return t.inMemory.reconciliations.all().find(task -> task.transactionId().equals(transactionId))
                .getOrElseThrow(() -> new AssertionError("no task for " + transactionId));
    }

    @Nested
    class AnUnknownCapture {

        @Test
        void isQueuedUntilItsCallCannotStillBeRunningAndNotSyncedBefore() {
            // given
            Payment payment = withUnknownCapture();
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            t.clock.advance(FIRST_SYNC.minusSeconds(1));

            // when
            int looked = t.tender.reconciler().runOnce(10);

            // then
            assertThat(looked).isZero();
            assertThat(connector.count(Op.SYNC)).isZero();
            ReconciliationTask task = taskOf(captureOf(payment).id());
            assertThat(task.dueAt()).isEqualTo(TestTender.START.plus(FIRST_SYNC));
            assertThat(FIRST_SYNC).as("past the whole call with its retries")
                    .isGreaterThanOrEqualTo(TestTender.fastSettings().callBudget());
            assertThat(task.attempts()).isZero();
        }

        @Test
        void becomesSucceededWhenTheSyncSaysApproved() {
            // given
            Payment payment = withUnknownCapture();
            Transaction unknown = captureOf(payment);
            assertThat(unknown.status()).isEqualTo(TransactionStatus.UNKNOWN);
            t.clock.advance(FIRST_SYNC);
            connector.answer(Op.SYNC, Outcome.Approved.of("psp_capture"));

            // when
            int looked = t.tender.reconciler().runOnce(10);

            // then
            assertThat(looked).isEqualTo(1);
            Payment after = t.stored(payment.id());
            assertThat(after.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(after.captured()).isEqualTo(usd(10_000));
            assertThat(captureOf(after).status()).isEqualTo(TransactionStatus.SUCCEEDED);
            assertThat(t.inMemory.reconciliations.all()).as("the task is done").isEmpty();
            ConnectorRequest.Sync sync = connector.<ConnectorRequest.Sync>requests(Op.SYNC).single();
            assertThat(sync.kind()).isEqualTo(TransactionKind.CAPTURE);
            assertThat(sync.context().transactionId()).isEqualTo(unknown.id());
            assertThat(sync.context().idempotencyKey()).isEqualTo(unknown.id().value() + ":acc_1");
            assertThat(sync.connectorTransactionId()).contains("psp_auth");
            assertThat(sync.amount()).isEqualTo(usd(10_000));
            assertThat(t.tender.reconciler().runOnce(10)).isZero();
        }

        @Test
        void isRetriedOnItsScheduleWhileTheSyncSaysPendingThenEscalatedToAPersonOnce() {
            // given
            Payment payment = withUnknownCapture();
            TransactionId capture = captureOf(payment).id();
            connector.always(Op.SYNC, Outcome.Pending.of());
            List<Duration> expectedDelays = List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1),
                    Duration.ofDays(1), Duration.ofDays(1));
            Instant due = t.clock.advance(FIRST_SYNC);

            for (int attempt = 1; attempt <= expectedDelays.size(); attempt++) {
                // when
                int looked = t.tender.reconciler().runOnce(10);

                // then
                assertThat(looked).isEqualTo(1);
                assertThat(connector.count(Op.SYNC)).isEqualTo(attempt);
                ReconciliationTask task = taskOf(capture);
                assertThat(task.attempts()).isEqualTo(attempt);
                assertThat(task.dueAt()).isEqualTo(due.plus(expectedDelays.get(attempt - 1)));

                t.clock.set(task.dueAt().minusSeconds(1));
                assertThat(t.tender.reconciler().runOnce(10)).as("not before it is due").isZero();
                due = task.dueAt();
                t.clock.set(due);
            }
            assertThat(t.stored(payment.id()).status()).isEqualTo(PaymentStatus.PROCESSING);

            // when: the last sync of the schedule still learns nothing
            assertThat(t.tender.reconciler().runOnce(10)).isEqualTo(1);

            // then: handed to a person, with the reason, and never synced on its own again
            Payment escalated = t.stored(payment.id());
            assertThat(escalated.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(escalated.failure().map(f -> f.code())).contains(Payment.RECONCILIATION_EXHAUSTED);
            assertThat(escalated.captured()).as("nothing guessed").isEqualTo(payment.captured());
            assertThat(t.tender.reconciler().escalated().map(ReconciliationTask::transactionId))
                    .containsExactly(capture);
            t.clock.advance(Duration.ofDays(365));
            assertThat(t.tender.reconciler().runOnce(10)).isZero();
            assertThat(connector.count(Op.SYNC)).isEqualTo(expectedDelays.size() + 1);

            // when: the processor's answer comes after all (a webhook or a forced sync)
            connector.always(Op.SYNC, Outcome.Approved.of("psp_capture"));
            right(t.tender.payments().sync(TestTender.MERCHANT, payment.id()));

            // then
            assertThat(t.stored(payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(t.tender.reconciler().escalated()).isEmpty();
        }
    }

    @Test
    void anUnknownAuthorizationBecomesAuthorizedWhenTheSyncSaysApproved() {
        // given
        connector.always(Op.AUTHORIZE, new Outcome.Unknown("timeout"));
        Payment payment = t.createConfirmed(usd(10_000), CaptureMethod.MANUAL);
        t.clock.advance(FIRST_SYNC);
        connector.answer(Op.SYNC, Outcome.Approved.of("psp_auth_late"));

        // when
        t.tender.reconciler().runOnce(10);

        // then
        Payment after = t.stored(payment.id());
        assertThat(after.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        assertThat(after.connectorTransactionId()).contains("psp_auth_late");
        assertThat(connector.<ConnectorRequest.Sync>requests(Op.SYNC).single().kind())
                .isEqualTo(TransactionKind.AUTHORIZE);
        assertThat(t.inMemory.reconciliations.all()).isEmpty();
    }

    @Test
    void anUnknownRefundSucceedsWhenTheSyncSaysApprovedAndTheMerchantHearsOfIt() {
        // given
        Payment paid = t.createConfirmed(usd(10_000), CaptureMethod.AUTOMATIC);
        connector.always(Op.REFUND, new Outcome.Unknown("timeout"));
        RefundRecord pending = right(t.tender.refunds().refund(new RefundPaymentUseCase.Command(TestTender.MERCHANT,
                paid.id(), Option.none(), Option.some(usd(2_500)), Option.none(), Option.none())));
        assertThat(pending.status()).isEqualTo(RefundStatus.PENDING);
        assertThat(t.stored(paid.id()).refundable()).as("an unknown refund may still move money")
                .isEqualTo(usd(7_500));
        t.clock.advance(FIRST_SYNC);
        connector.answer(Op.SYNC, Outcome.Approved.of("psp_refund"));

        // when
        t.tender.reconciler().runOnce(10);

        // then
        RefundRecord after = right(t.tender.refunds().get(TestTender.MERCHANT, pending.refundId()));
        assertThat(after.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(after.connectorRefundId()).contains("psp_refund");
        assertThat(after.updatedAt()).isEqualTo(t.clock.now());
        assertThat(t.stored(paid.id()).refunded()).isEqualTo(usd(2_500));
        assertThat(connector.<ConnectorRequest.Sync>requests(Op.SYNC).single().kind())
                .isEqualTo(TransactionKind.REFUND);
        assertThat(t.inMemory.outbox.pending(10).last().type()).isEqualTo("refund_succeeded");
        assertThat(t.inMemory.reconciliations.all()).isEmpty();
    }

    @Test
    void aTaskWhoseReconcilerDiedMidSyncComesBackOnceTheCallBudgetIsOver() {
        // given: an instance claims the task and dies during the sync (nothing after the claim is saved)
        Payment payment = withUnknownCapture();
        t.clock.advance(FIRST_SYNC);
        connector.onCall(request -> {
            throw new AssertionError("the instance was killed");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.tender.reconciler().runOnce(10))
                .isInstanceOf(AssertionError.class);
        connector.onCall(request -> { });
        connector.answer(Op.SYNC, Outcome.Approved.of("psp_capture"));

        // when / then: not before its claim's lease (the call budget) ends, then at once
        t.clock.advance(TestTender.fastSettings().callBudget().minusSeconds(1));
        assertThat(t.tender.reconciler().runOnce(10)).isZero();
        t.clock.advance(Duration.ofSeconds(1));
        assertThat(t.tender.reconciler().runOnce(10)).isEqualTo(1);
        assertThat(t.stored(payment.id()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void aSyncThatThrowsLeavesTheTaskForLater() {
        // given
        Payment payment = withUnknownCapture();
        t.clock.advance(FIRST_SYNC);
        connector.onCall(request -> {
            throw new IllegalStateException("adapter bug");
        });

        // when
        int looked = t.tender.reconciler().runOnce(10);

        // then
        assertThat(looked).isEqualTo(1);
        assertThat(t.stored(payment.id()).status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
        ReconciliationTask task = taskOf(captureOf(payment).id());
        assertThat(task.attempts()).isEqualTo(1);
        assertThat(task.dueAt()).isEqualTo(t.clock.now().plus(Duration.ofMinutes(5)));
    }

    @Nested
    class TwoReconcilersSharingOneStore {

        @Test
        void neverSyncTheSameTaskTwiceInOneDuePeriod() throws Exception {
            // given
            int payments = 20;
            List<TransactionId> captures = List.range(0, payments).map(i -> captureOf(withUnknownCapture()).id());
            connector.always(Op.SYNC, Outcome.Pending.of());
            connector.onCall(request -> pause());
            Reconciler one = t.tender.reconciler();
            Reconciler two = t.anotherInstance(connector).reconciler();
            t.clock.advance(FIRST_SYNC);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);

            // when
            int looked;
            try {
                Future<Integer> first = pool.submit(() -> {
                    start.await();
                    return drain(one);
                });
                Future<Integer> second = pool.submit(() -> {
                    start.await();
                    return drain(two);
                });
                start.countDown();
                looked = first.get(10, TimeUnit.SECONDS) + second.get(10, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            // then
            assertThat(looked).isEqualTo(payments);
            List<TransactionId> synced = connector.<ConnectorRequest.Sync>requests(Op.SYNC)
                    .map(r -> r.context().transactionId());
            assertThat(synced).hasSize(payments);
            assertThat(synced.distinct()).containsExactlyInAnyOrderElementsOf(captures);
            assertThat(t.inMemory.reconciliations.all()).hasSize(payments)
                    .allSatisfy(task -> assertThat(task.attempts()).isEqualTo(1));
            assertThat(one.runOnce(100) + two.runOnce(100)).isZero();
        }

        /** Small batches, so the two reconcilers claim side by side. */
        static int drain(Reconciler reconciler) {
            int total = 0;
            for (int looked = reconciler.runOnce(2); looked > 0; looked = reconciler.runOnce(2)) {
                total += looked;
            }
            return total;
        }

        static void pause() {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
