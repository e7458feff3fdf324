package dev.tender.domain.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A connector's answer to a call, or a status observed later by a sync or a webhook.
 *
 * @param observedAt when the connector reported it; an older report than the one applied is stale
 */
public record RecordOutcome(TransactionId transactionId, Outcome outcome, Instant observedAt) {
    public RecordOutcome {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
