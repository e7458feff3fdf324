package dev.tender.domain.payment;

import java.util.Locale;

/** A refund's status as Hyperswitch names it; derived from its transaction. */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    /** Held for manual review at the processor. */
    REVIEW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
