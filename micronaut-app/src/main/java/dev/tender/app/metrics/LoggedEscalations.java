package dev.tender.app.metrics;

import dev.tender.ports.out.Escalations;
import dev.tender.ports.out.ReconciliationTask;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises a transaction the reconciler gave up on with the people who run Tender: a WARN line naming the
 * merchant, payment and transaction (never card data), and {@code tender.reconciler.escalations}, a
 * counter to alert on. The payment itself shows {@code requires_merchant_action} with the reason.
 */
public final class LoggedEscalations implements Escalations {

    private static final Logger LOG = LoggerFactory.getLogger(LoggedEscalations.class);

    private final MeterRegistry registry;

    public LoggedEscalations(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void escalated(ReconciliationTask task, String reason) {
        registry.counter("tender.reconciler.escalations").increment();
        LOG.warn("Escalated to a person: merchant {} payment {} transaction {}: {}", task.merchantId().value(),
                task.paymentId().value(), task.transactionId().value(), reason);
    }
}
