package dev.tender.domain.money;

import io.vavr.control.Either;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An amount of one currency in minor units (cents for USD, yen for JPY, fils for KWD).
 * Never negative; arithmetic is overflow-checked and refuses to mix currencies.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minor < 0) {
            throw new IllegalArgumentException("money cannot be negative: " + minor + " " + currency);
        }
    }

    /** Money from trusted code; a negative amount is a programming error. */
    public static Money of(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    /** Money from outside input: a negative amount is a rejection, not an exception. */
    public static Either<String, Money> from(long minor, Currency currency) {
        return minor < 0
                ? Either.left("amount must not be negative, got " + minor)
                : Either.right(new Money(minor, currency));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses the major-unit form ("12.34" USD is 1234 minor units, "1.5" KWD is 1500, "500" JPY is 500).
     * More decimals than the currency has, signs, exponents and amounts beyond a {@code long} are refused.
     */
    public static Either<String, Money> parse(String text, Currency currency) {
        if (text == null || !text.matches("\\d+(\\.\\d+)?")) {
            return Either.left("not a decimal amount: " + text);
        }
        BigDecimal major = new BigDecimal(text);
        if (major.stripTrailingZeros().scale() > currency.exponent()) {
            return Either.left(currency + " has " + currency.exponent() + " decimal places: " + text);
        }
        BigInteger minor = major.movePointRight(currency.exponent()).toBigIntegerExact();
        if (minor.bitLength() > 63) {
            return Either.left("amount too large: " + text);
        }
        return Either.right(new Money(minor.longValueExact(), currency));
    }

    /** The major-unit form with exactly the currency's number of decimals: "12.30", "500", "1.500". */
    public String format() {
        return BigDecimal.valueOf(minor, currency.exponent()).toPlainString();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    /** Subtraction that would go below zero is a programming error: check with {@link #isLessThan} first. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return format() + " " + currency;
    }
}
