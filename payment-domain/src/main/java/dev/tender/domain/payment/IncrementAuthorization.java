package dev.tender.domain.payment;

import dev.tender.domain.money.Money;

import java.time.Instant;
import java.util.Objects;

/** Raise the authorized total (hotel incidentals, tips) before anything is captured. */
public record IncrementAuthorization(TransactionId transactionId, Money newTotal, Instant at) {
    public IncrementAuthorization {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(newTotal, "newTotal");
        Objects.requireNonNull(at, "at");
    }
}
