package dev.tender.domain.payment;

import dev.tender.domain.money.Money;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/** Return some or all of the captured money; the transaction id is the refund's id. */
public record Refund(TransactionId refundId, Money amount, Option<String> reason, Instant at) {
    public Refund {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
