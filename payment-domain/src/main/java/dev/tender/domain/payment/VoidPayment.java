package dev.tender.domain.payment;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/** Cancel: release an authorization (or its uncaptured remainder), or drop a payment never authorized. */
public record VoidPayment(TransactionId transactionId, Option<String> reason, Instant at) {
    public VoidPayment {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
