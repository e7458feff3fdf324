package dev.tender.application;

import dev.tender.domain.payment.Payment;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.ReconciliationTask;
import dev.tender.ports.out.Reconciliations;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * The janitor: asks connectors about transactions left pending or unknown, on a back-off schedule,
 * and applies what they say. Safe to run from several processes at once: each due task is claimed by
 * one of them (with a lease, so a crashed worker's task comes back), and applying an outcome twice
 * changes nothing.
 */
public final class Reconciler {

    private final Reconciliations queue;
    private final Payments payments;
    private final PaymentService service;
    private final Clock clock;
    private final Duration lease;

    Reconciler(Reconciliations queue, Payments payments, PaymentService service, Clock clock, Duration lease) {
        this.queue = queue;
        this.payments = payments;
        this.service = service;
        this.clock = clock;
        this.lease = lease;
    }

    /** Syncs up to {@code limit} due transactions; returns how many it looked at. */
    public int runOnce(int limit) {
        List<ReconciliationTask> due = queue.claimDue(clock.now(), limit, lease);
        for (ReconciliationTask task : due) {
            reconcile(task);
        }
        return due.size();
    }

    private void reconcile(ReconciliationTask task) {
        Option<Payment> payment = payments.find(task.merchantId(), task.paymentId());
        if (payment.isEmpty() || !payment.get().transaction(task.transactionId()).exists(tx -> tx.status().isOpen())) {
            queue.done(task.merchantId(), task.paymentId(), task.transactionId());
            return;
        }
        Payment after = service.syncOpenTransactions(payment.get(), List.of(task.transactionId()));
        if (after.transaction(task.transactionId()).exists(tx -> tx.status().isOpen())) {
            int attempts = task.attempts() + 1;
            queue.reschedule(new ReconciliationTask(task.merchantId(), task.paymentId(), task.transactionId(),
                    attempts, clock.now().plus(clock.settings().reconcileDelay(attempts))));
        } else {
            queue.done(task.merchantId(), task.paymentId(), task.transactionId());
        }
    }
}
