package dev.tender.domain.payment;

import java.util.Objects;
import java.util.regex.Pattern;

/** The one rule every identifier follows, so ids from any source fit a column and a URL. */
final class Ids {
    private static final int MAX_LENGTH = 64;
    /** Compiled once: every id of every payment read or built passes here. */
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_\\-.:]+");

    private Ids() {
    }

    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    name + " must be 1-" + MAX_LENGTH + " characters of letters, digits, '_', '-', '.', ':': " + value);
        }
        return value;
    }
}
