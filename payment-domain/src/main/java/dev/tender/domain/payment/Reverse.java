package dev.tender.domain.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * Cancel after capture, before the captured amount settles.
 *
 * @param settlementCutoff when the processor settles the capture; from then on only a refund returns money
 */
public record Reverse(TransactionId transactionId, Instant settlementCutoff, Instant at) {
    public Reverse {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(settlementCutoff, "settlementCutoff");
        Objects.requireNonNull(at, "at");
    }
}
