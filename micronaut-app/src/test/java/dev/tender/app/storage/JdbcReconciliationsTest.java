package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ReconciliationTask;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;

/** The reconciler's queue in PostgreSQL hands each due task to one claimer, for the length of a lease. */
class JdbcReconciliationsTest {

    static final Duration LEASE = Duration.ofMinutes(5);

    final JdbcReconciliations queue = EmbeddedDatabase.bean(JdbcReconciliations.class);
    final MerchantId merchant = newMerchant("mer_rec");

    /** The queue is one for all merchants: each test starts with it empty and leaves it so. */
    @BeforeEach
    @AfterEach
    void emptyTheQueue() {
        queue.all().forEach(t -> queue.done(t.merchantId(), t.paymentId(), t.transactionId()));
    }

    ReconciliationTask task(String tx, Instant dueAt) {
        return new ReconciliationTask(merchant, PaymentId.of("pay_" + tx), TransactionId.of(tx), 0, dueAt);
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
        assertThat(claimed).containsExactly(task("txn_a", T0.minusSeconds(20)), task("txn_b", T0.minusSeconds(10)));
        assertThat(queue.claimDue(T0, 10, LEASE).map(t -> t.transactionId().value())).containsExactly("txn_c");
        assertThat(queue.claimDue(T0, 0, LEASE)).isEmpty();
    }

    @Test
    void aClaimMovesTheDueTimePastTheLeaseAndTheTaskComesBackWhenItEnds() {
        // given
        queue.schedule(task("txn_1", T0));
        queue.claimDue(T0, 10, LEASE);

        // when
        List<ReconciliationTask> duringLease = queue.claimDue(T0.plus(LEASE).minusNanos(1_000), 10, LEASE);
        List<ReconciliationTask> all = queue.all();
        List<ReconciliationTask> afterLease = queue.claimDue(T0.plus(LEASE), 10, LEASE);

        // then
        assertThat(duringLease).isEmpty();
        assertThat(all).containsExactly(task("txn_1", T0.plus(LEASE)));
        assertThat(afterLease).containsExactly(task("txn_1", T0.plus(LEASE)));
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
        ReconciliationTask later = new ReconciliationTask(merchant, PaymentId.of("pay_txn_1"),
                TransactionId.of("txn_1"), 1, T0.plusSeconds(300));

        // when
        queue.reschedule(later);
        queue.done(merchant, PaymentId.of("pay_txn_2"), TransactionId.of("txn_2"));
        queue.reschedule(task("txn_2", T0));

        // then
        assertThat(queue.all()).containsExactly(later);
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        // when
        queue.schedule(task("txn_1", Instant.parse("2025-03-01T10:00:00.000001999Z")));

        // then
        assertThat(queue.all().map(ReconciliationTask::dueAt)).containsExactly(Instant.parse("2025-03-01T10:00:00.000001Z"));
    }

    @Test
    void ofTwoConcurrentClaimersOnlyOneGetsATask() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                // given
                TransactionId tx = TransactionId.of("txn_" + round);
                queue.schedule(task(tx.value(), T0));
                CountDownLatch start = new CountDownLatch(1);
                Callable<List<ReconciliationTask>> claim = () -> {
                    start.await();
                    return queue.claimDue(T0, 10, LEASE);
                };

                // when
                Future<List<ReconciliationTask>> one = pool.submit(claim);
                Future<List<ReconciliationTask>> two = pool.submit(claim);
                start.countDown();
                List<ReconciliationTask> claimed = one.get(10, TimeUnit.SECONDS).appendAll(two.get(10, TimeUnit.SECONDS));

                // then
                assertThat(claimed.map(ReconciliationTask::transactionId)).as("round %d", round).containsExactly(tx);
                queue.done(merchant, PaymentId.of("pay_" + tx.value()), tx);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoClaimersDrainingAQueueInBatchesGetEachTaskOnce() throws Exception {
        // given
        for (int i = 0; i < 200; i++) {
            queue.schedule(task(String.format("txn_%03d", i), T0.minusSeconds(i % 7)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<List<ReconciliationTask>> drain = () -> {
                start.await();
                List<ReconciliationTask> mine = List.empty();
                for (List<ReconciliationTask> batch = queue.claimDue(T0, 3, LEASE); !batch.isEmpty();
                     batch = queue.claimDue(T0, 3, LEASE)) {
                    mine = mine.appendAll(batch);
                }
                return mine;
            };

            // when
            Future<List<ReconciliationTask>> one = pool.submit(drain);
            Future<List<ReconciliationTask>> two = pool.submit(drain);
            start.countDown();
            List<ReconciliationTask> first = one.get(30, TimeUnit.SECONDS);
            List<ReconciliationTask> second = two.get(30, TimeUnit.SECONDS);

            // then
            List<TransactionId> claimed = first.appendAll(second).map(ReconciliationTask::transactionId);
            assertThat(claimed).hasSize(200);
            assertThat(HashSet.ofAll(claimed)).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
