package dev.tender.domain.payment;

import java.util.Locale;

public enum MandateType {
    /** One merchant-initiated charge, then the mandate is used up. */
    SINGLE_USE,
    MULTI_USE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
