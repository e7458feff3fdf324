package dev.tender.domain.payment;

import java.util.Locale;

/** Named as Hyperswitch's {@code MandateStatus}. */
public enum MandateStatus {
    ACTIVE,
    /** A single-use mandate that has been charged. */
    INACTIVE,
    PENDING,
    REVOKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
