package dev.tender.application;

import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.Transaction;
import dev.tender.ports.out.Escalations;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.ReconciliationTask;
import dev.tender.ports.out.Reconciliations;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * The janitor: asks connectors about transactions left pending or unknown, on a bounded back-off
 * schedule, and applies what they say. When the schedule is over and the processor still has not told,
 * the transaction is escalated: handed to a person with the reason ({@link Payment#escalate}, and the
 * host's {@link Escalations}), and not synced again on its own. Safe to run from several processes at
 * once: each due task is claimed by one of them (with a lease, so a crashed worker's task comes back),
 * and applying an outcome twice changes nothing. A task first falls due only once its connector call
 * cannot still be running ({@link ServiceSettings#firstReconcileDelay()}).
 */
public final class Reconciler {

    private final Reconciliations queue;
    private final Payments payments;
    private final PaymentService service;
    private final Clock clock;
    private final Duration lease;
    private final Escalations escalations;

    Reconciler(Reconciliations queue, Payments payments, PaymentService service, Clock clock, Duration lease,
               Escalations escalations) {
        this.queue = queue;
        this.payments = payments;
        this.service = service;
        this.clock = clock;
        this.lease = lease;
        this.escalations = escalations;
    }

    /** Syncs up to {@code limit} due transactions; returns how many it looked at. */
    public int runOnce(int limit) {
        List<ReconciliationTask> due = queue.claimDue(clock.now(), limit, lease);
        for (ReconciliationTask task : due) {
            reconcile(task);
        }
        return due.size();
    }

    /** The transactions handed to a person and not settled since. */
    public List<ReconciliationTask> escalated() {
        return queue.all().filter(ReconciliationTask::escalated);
    }

    private void reconcile(ReconciliationTask task) {
        Option<Payment> payment = payments.find(task.merchantId(), task.paymentId());
        if (payment.isEmpty() || !payment.get().transaction(task.transactionId()).exists(tx -> tx.status().isOpen())) {
            queue.done(task.merchantId(), task.paymentId(), task.transactionId());
            return;
        }
        Payment after = service.syncOpenTransactions(payment.get(), List.of(task.transactionId()));
        Option<Transaction> open = after.transaction(task.transactionId()).filter(tx -> tx.status().isOpen());
        if (open.isEmpty()) {
            queue.done(task.merchantId(), task.paymentId(), task.transactionId());
            return;
        }
        int attempts = task.attempts() + 1;
        if (!clock.settings().reconcileExhausted(attempts)) {
            queue.reschedule(new ReconciliationTask(task.merchantId(), task.paymentId(), task.transactionId(),
                    attempts, clock.now().plus(clock.settings().reconcileDelay(attempts))));
            return;
        }
        String reason = "the processor did not tell the outcome of this " + open.get().kind().name().toLowerCase()
                + " after " + attempts + " syncs over " + Duration.between(open.get().createdAt(), clock.now())
                .toMinutes() + " min; check it at the processor";
        service.escalate(after, task.transactionId(), reason);
        queue.reschedule(task.escalate(attempts));
        escalations.escalated(task.escalate(attempts), reason);
    }
}
