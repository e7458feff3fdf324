package dev.tender.domain.payment;

import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * Create the processor-side order that the authorization will later carry. {@code connector}, the
 * account that creates the order, is where the authorization must go: no other account knows the order.
 */
public record CreateOrder(TransactionId transactionId, Option<String> connector, Set<Capability> capabilities,
                          Instant at) {
    public CreateOrder {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(at, "at");
    }

    public CreateOrder(TransactionId transactionId, Set<Capability> capabilities, Instant at) {
        this(transactionId, Option.none(), capabilities, at);
    }
}
