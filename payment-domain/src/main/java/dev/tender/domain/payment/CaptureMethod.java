package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Locale;

public enum CaptureMethod {
    /** Authorize and capture in one step (a purchase). */
    AUTOMATIC,
    /** One capture of up to the authorized amount; the rest is released. */
    MANUAL,
    /** Several captures up to the authorized amount; the last one may be flagged final. */
    MANUAL_MULTIPLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Option<CaptureMethod> fromWireName(String wireName) {
        return List.of(values()).find(m -> m.wireName().equals(wireName));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
