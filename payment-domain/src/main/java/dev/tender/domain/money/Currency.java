package dev.tender.domain.money;

import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An ISO-4217 currency with its exponent: the number of minor-unit digits (JPY 0, USD 2, KWD 3).
 * Codes without a minor unit in ISO-4217 (gold, testing codes) are not currencies a payment can use.
 */
public record Currency(String code, int exponent) {

    /** Every ISO-4217 currency with a minor unit, by code: looked up on every amount a request carries. */
    private static final Map<String, Currency> BY_CODE = java.util.Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getCurrencyCode().matches("[A-Z]{3}"))
            .filter(c -> c.getDefaultFractionDigits() >= 0 && c.getDefaultFractionDigits() <= 4)
            .collect(Collectors.toUnmodifiableMap(java.util.Currency::getCurrencyCode,
                    c -> new Currency(c.getCurrencyCode(), c.getDefaultFractionDigits())));

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
        if (code == null || code.length() != 3) {
            return Option.none();
        }
        return Option.of(BY_CODE.get(code.toUpperCase(Locale.ROOT)));
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
