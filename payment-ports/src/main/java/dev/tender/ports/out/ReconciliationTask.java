package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;

import java.time.Instant;
import java.util.Objects;

/** A transaction to ask its connector about again, at {@code dueAt}, after {@code attempts} tries. */
public record ReconciliationTask(MerchantId merchantId, PaymentId paymentId, TransactionId transactionId,
                                 int attempts, Instant dueAt) {
    public ReconciliationTask {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
