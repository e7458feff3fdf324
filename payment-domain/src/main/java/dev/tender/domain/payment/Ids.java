package dev.tender.domain.payment;

import java.util.Objects;

/** The one rule every identifier follows, so ids from any source fit a column and a URL. */
final class Ids {
    private static final int MAX_LENGTH = 64;

    private Ids() {
    }

    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > MAX_LENGTH || !value.matches("[A-Za-z0-9_\\-.:]+")) {
            throw new IllegalArgumentException(
                    name + " must be 1-" + MAX_LENGTH + " characters of letters, digits, '_', '-', '.', ':': " + value);
        }
        return value;
    }
}
