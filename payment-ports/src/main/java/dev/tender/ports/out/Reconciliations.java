package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import io.vavr.collection.List;

import java.time.Duration;
import java.time.Instant;

/**
 * The reconciler's queue of open transactions. {@link #claimDue} hands each due task to one caller
 * only, across processes: it moves the task's due time past a lease, so a crashed worker's task comes
 * back when the lease ends (SQL: {@code FOR UPDATE SKIP LOCKED}).
 */
public interface Reconciliations {

    /** Adds the task, or keeps the existing one for that transaction of that payment. */
    void schedule(ReconciliationTask task);

    List<ReconciliationTask> claimDue(Instant now, int limit, Duration lease);

    void reschedule(ReconciliationTask task);

    /** The transaction is settled: forget its task. Keyed by merchant, payment and transaction. */
    void done(MerchantId merchantId, PaymentId paymentId, TransactionId transactionId);

    List<ReconciliationTask> all();
}
