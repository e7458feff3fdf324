package dev.tender.domain.payment;

import java.util.Objects;

/** The one rule every identifier follows, so ids from any source fit a column and a URL. */
final class Ids {
    private static final int MAX_LENGTH = 64;

    private Ids() {
    }

    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > MAX_LENGTH || !allowed(value)) {
            throw new IllegalArgumentException(
                    name + " must be 1-" + MAX_LENGTH + " characters of letters, digits, '_', '-', '.', ':': " + value);
        }
        return value;
    }

    /**
     * {@code [A-Za-z0-9_\-.:]+}, checked by hand: every command and every stored row makes ids, and the regular
     * expression was half of a whole payment lifecycle's time, a fifth once compiled (docs/benchmarks.md).
     */
    private static boolean allowed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!letterOrDigit && c != '_' && c != '-' && c != '.' && c != ':') {
                return false;
            }
        }
        return true;
    }
}
