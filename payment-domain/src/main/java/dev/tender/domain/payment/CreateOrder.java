package dev.tender.domain.payment;

import io.vavr.collection.Set;

import java.time.Instant;
import java.util.Objects;

/** Create the processor-side order that the authorization will later carry. */
public record CreateOrder(TransactionId transactionId, Set<Capability> capabilities, Instant at) {
    public CreateOrder {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(at, "at");
    }
}
