package dev.tender.domain.payment;

import java.util.Locale;

/** What a connector can do beyond authorize, capture, void and refund; rules that need one check it. */
public enum Capability {
    MANUAL_CAPTURE,
    MULTIPLE_CAPTURE,
    INCREMENTAL_AUTHORIZATION,
    REVERSE,
    MANDATES,
    THREE_DS,
    ORDERS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
