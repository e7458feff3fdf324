package dev.tender.domain.payment;

import java.util.Locale;

public enum TransactionStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    /** Sent, but the answer was lost or unreadable: reconciliation must ask the connector. */
    UNKNOWN;

    public boolean isOpen() {
        return this == PENDING || this == UNKNOWN;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
