package dev.tender.connector.kit;

import dev.tender.domain.money.Money;

import java.util.Objects;

/**
 * What the processor (or its fake) really moved for one payment, as the conformance kit compares it:
 * amounts that succeeded, pending ones excluded.
 */
public record MoneyMoved(Money authorized, Money captured, Money refunded, Money voided, Money reversed) {

    public MoneyMoved {
        Objects.requireNonNull(authorized, "authorized");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(voided, "voided");
        Objects.requireNonNull(reversed, "reversed");
    }
}
