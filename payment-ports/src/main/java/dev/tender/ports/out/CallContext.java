package dev.tender.ports.out;

import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;

import java.util.Objects;

/**
 * What every connector call carries: the account to call and the idempotency key, stable per
 * transaction and account, so a retry of the same call can never move money twice.
 */
public record CallContext(ConnectorAccount account, String idempotencyKey, PaymentId paymentId,
                          TransactionId transactionId) {
    public CallContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(transactionId, "transactionId");
    }

    /** The key for a transaction at an account: the same on every retry, another at a fallback connector. */
    public static CallContext of(ConnectorAccount account, PaymentId paymentId, TransactionId transactionId) {
        return new CallContext(account, transactionId.value() + ":" + account.id(), paymentId, transactionId);
    }
}
