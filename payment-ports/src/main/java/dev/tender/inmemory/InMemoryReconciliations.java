package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ReconciliationTask;
import dev.tender.ports.out.Reconciliations;
import io.vavr.Tuple;
import io.vavr.Tuple3;
import io.vavr.collection.List;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The reconciler's queue. A claim moves a task's due time past the lease atomically, so one caller gets it. */
public final class InMemoryReconciliations implements Reconciliations {

    private final ConcurrentMap<Tuple3<MerchantId, PaymentId, TransactionId>, ReconciliationTask> tasks =
            new ConcurrentHashMap<>();

    @Override
    public void schedule(ReconciliationTask task) {
        tasks.putIfAbsent(key(task), task);
    }

    @Override
    public List<ReconciliationTask> claimDue(Instant now, int limit, Duration lease) {
        java.util.List<ReconciliationTask> due = new ArrayList<>(tasks.values());
        due.sort(Comparator.comparing(ReconciliationTask::dueAt));
        List<ReconciliationTask> claimed = List.empty();
        for (ReconciliationTask candidate : due) {
            if (claimed.size() >= limit || candidate.dueAt().isAfter(now)) {
                continue;
            }
            ReconciliationTask leased = new ReconciliationTask(candidate.merchantId(), candidate.paymentId(),
                    candidate.transactionId(), candidate.attempts(), now.plus(lease));
            if (tasks.replace(key(candidate), candidate, leased)) {
                claimed = claimed.append(candidate);
            }
        }
        return claimed;
    }

    @Override
    public void reschedule(ReconciliationTask task) {
        tasks.computeIfPresent(key(task), (id, old) -> task);
    }

    @Override
    public void done(MerchantId merchantId, PaymentId paymentId, TransactionId transactionId) {
        tasks.remove(Tuple.of(merchantId, paymentId, transactionId));
    }

    private static Tuple3<MerchantId, PaymentId, TransactionId> key(ReconciliationTask task) {
        return Tuple.of(task.merchantId(), task.paymentId(), task.transactionId());
    }

    @Override
    public List<ReconciliationTask> all() {
        return List.ofAll(tasks.values()).sortBy(ReconciliationTask::dueAt);
    }
}
