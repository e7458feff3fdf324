package dev.tender.ports.out;

/**
 * Told when the reconciler gives up on a transaction: its schedule of syncs is over and the processor
 * still has not said what became of it. The host raises it with a person (a log line, a metric, an
 * alert); the payment itself is already {@code requires_merchant_action} with the reason.
 */
@FunctionalInterface
public interface Escalations {

    void escalated(ReconciliationTask task, String reason);

    static Escalations ignore() {
        return (task, reason) -> { };
    }
}
