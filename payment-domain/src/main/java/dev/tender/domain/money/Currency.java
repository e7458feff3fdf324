package dev.tender.domain.money;

import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO-4217 currency with its exponent: the number of minor-unit digits (JPY 0, USD 2, KWD 3).
 * Codes without a minor unit in ISO-4217 (gold, testing codes) are not currencies a payment can use.
 */
public record Currency(String code, int exponent) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{3}");

    public static final Currency USD = new Currency("USD", 2);
    public static final Currency EUR = new Currency("EUR", 2);
    public static final Currency GBP = new Currency("GBP", 2);
    public static final Currency JPY = new Currency("JPY", 0);
    public static final Currency KWD = new Currency("KWD", 3);

    public Currency {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency code must be three upper-case letters: " + code);
        }
        if (exponent < 0 || exponent > 4) {
            throw new IllegalArgumentException("currency exponent must be 0..4: " + exponent);
        }
    }

    /** The currency for an ISO-4217 alphabetic code, in any letter case; empty for unknown codes. */
    public static Option<Currency> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Option.none();
        }
        String upper = code.toUpperCase(Locale.ROOT);
        try {
            int digits = java.util.Currency.getInstance(upper).getDefaultFractionDigits();
            return digits < 0 ? Option.none() : Option.some(new Currency(upper, digits));
        } catch (IllegalArgumentException unknown) {
            return Option.none();
        }
    }

    public static Either<String, Currency> parse(String code) {
        return find(code).toEither(() -> "unknown currency: " + code);
    }

    /** The currency for a code known to be valid; a bad code here is a programming error. */
    public static Currency of(String code) {
        return find(code).getOrElseThrow(() -> new IllegalArgumentException("unknown currency: " + code));
    }

    @Override
    public String toString() {
        return code;
    }
}
