package dev.tender.domain.payment;

import dev.tender.domain.money.Money;

import java.time.Instant;
import java.util.Objects;

/** @param finalCapture for {@code manual_multiple}: release what is left after this capture */
public record Capture(TransactionId transactionId, Money amount, boolean finalCapture, Instant at) {
    public Capture {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
    }
}
