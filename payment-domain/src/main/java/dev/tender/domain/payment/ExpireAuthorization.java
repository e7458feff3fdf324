package dev.tender.domain.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * Release an authorization whose window has passed by voiding it at the processor: the void carries
 * {@link Transaction#EXPIRY_REASON}, and its approval leaves the payment {@code expired} (or
 * {@code partially_captured}) rather than {@code cancelled}.
 */
public record ExpireAuthorization(TransactionId transactionId, Instant at) {
    public ExpireAuthorization {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(at, "at");
    }
}
