package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;

import java.time.Instant;
import java.util.Objects;

/**
 * A transaction to ask its connector about again, at {@code dueAt}, after {@code attempts} tries. An
 * escalated task (its schedule over, handed to a person) is never due again; it stays until the
 * transaction settles, so it can be counted and listed.
 */
public record ReconciliationTask(MerchantId merchantId, PaymentId paymentId, TransactionId transactionId,
                                 int attempts, Instant dueAt) {

    /** The due time of an escalated task. */
    public static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

    public ReconciliationTask {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    public boolean escalated() {
        return !dueAt.isBefore(NEVER);
    }

    /** The same task, handed to a person. */
    public ReconciliationTask escalate(int totalAttempts) {
        return new ReconciliationTask(merchantId, paymentId, transactionId, totalAttempts, NEVER);
    }
}
