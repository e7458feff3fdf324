package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ReconciliationTask;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciler's queue hands each due task to one claimer, for the length of a lease. */
class InMemoryReconciliationsTest {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);

    final InMemoryReconciliations queue = new InMemoryReconciliations();

    static ReconciliationTask task(String tx, Instant dueAt) {
        return new ReconciliationTask(MerchantId.of("mer_1"), PaymentId.of("pay_" + tx), TransactionId.of(tx), 0,
                dueAt);
    }

    @Test
    void onlyDueTasksAreClaimedOldestFirstUpToTheLimit() {
        // given
        queue.schedule(task("txn_late", T0.plusSeconds(60)));
        queue.schedule(task("txn_b", T0.minusSeconds(10)));
        queue.schedule(task("txn_a", T0.minusSeconds(20)));
        queue.schedule(task("txn_c", T0));

        // when
        List<ReconciliationTask> claimed = queue.claimDue(T0, 2, LEASE);

        // then
        assertThat(claimed.map(t -> t.transactionId().value())).containsExactly("txn_a", "txn_b");
        assertThat(queue.claimDue(T0, 10, LEASE).map(t -> t.transactionId().value())).containsExactly("txn_c");
    }

    @Test
    void aClaimedTaskComesBackWhenTheLeaseEnds() {
        // given
        queue.schedule(task("txn_1", T0));
        queue.claimDue(T0, 10, LEASE);

        // when
        List<ReconciliationTask> duringLease = queue.claimDue(T0.plus(LEASE).minusSeconds(1), 10, LEASE);
        List<ReconciliationTask> afterLease = queue.claimDue(T0.plus(LEASE), 10, LEASE);

        // then
        assertThat(duringLease).isEmpty();
        assertThat(afterLease.map(ReconciliationTask::transactionId)).containsExactly(TransactionId.of("txn_1"));
    }

    @Test
    void schedulingATransactionAgainKeepsTheExistingTask() {
        // given
        queue.schedule(task("txn_1", T0));

        // when
        queue.schedule(task("txn_1", T0.plusSeconds(3600)));

        // then
        assertThat(queue.all()).containsExactly(task("txn_1", T0));
    }

    @Test
    void rescheduleReplacesAndDoneRemoves() {
        // given
        queue.schedule(task("txn_1", T0));
        queue.schedule(task("txn_2", T0));
        ReconciliationTask later = new ReconciliationTask(MerchantId.of("mer_1"), PaymentId.of("pay_txn_1"),
                TransactionId.of("txn_1"), 1, T0.plusSeconds(300));

        // when
        queue.reschedule(later);
        queue.done(MerchantId.of("mer_1"), PaymentId.of("pay_txn_2"), TransactionId.of("txn_2"));
        queue.reschedule(task("txn_2", T0));

        // then
        assertThat(queue.all()).containsExactly(later);
    }

    @Test
    void ofTwoConcurrentClaimersOnlyOneGetsATask() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                // given
                TransactionId tx = TransactionId.of("txn_" + round);
                queue.schedule(task(tx.value(), T0));
                CountDownLatch start = new CountDownLatch(1);

                // when
                Future<List<ReconciliationTask>> one = pool.submit(() -> {
                    start.await();
                    return queue.claimDue(T0, 10, LEASE);
                });
                Future<List<ReconciliationTask>> two = pool.submit(() -> {
                    start.await();
                    return queue.claimDue(T0, 10, LEASE);
                });
                start.countDown();
                List<ReconciliationTask> claimed = one.get(5, TimeUnit.SECONDS)
                        .appendAll(two.get(5, TimeUnit.SECONDS));

                // then
                assertThat(claimed.map(ReconciliationTask::transactionId)).as("round %d", round).containsExactly(tx);
                queue.done(MerchantId.of("mer_1"), PaymentId.of("pay_" + tx.value()), tx);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
