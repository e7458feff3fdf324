package dev.tender.ports.out;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * A saved card's number and expiry, out of the vault for one call to a processor. {@link #toString()} masks the
 * number, so that a log line or an exception message never carries it.
 */
public record RevealedCard(String number, int expiryMonth, int expiryYear, Option<String> holderName) {

    public RevealedCard {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(holderName, "holderName");
    }

    /** The card for the processor, with the CVC the customer gave for this payment (the vault never has one). */
    public PaymentMethodData.Card card(String cvc) {
        return new PaymentMethodData.Card(number, expiryMonth, expiryYear, cvc, holderName);
    }

    @Override
    public String toString() {
        return "RevealedCard[" + VaultedCard.binOf(number) + "******" + number.substring(number.length() - 4)
                + ", expiry " + expiryMonth + "/" + expiryYear + "]";
    }
}
