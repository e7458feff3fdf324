package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A saved card as it may be shown: the BIN, last four, expiry, brand and holder, and the keyed fingerprint
 * that finds the same number again. Never the number, never a CVC.
 */
public record VaultedCard(String token, MerchantId merchantId, String customerId, String bin, String last4,
                          int expiryMonth, int expiryYear, String brand, Option<String> holderName,
                          String fingerprint, Instant createdAt) {

    /** From this length on, eight digits of BIN may be kept beside the last four (PCI DSS); six below it. */
    private static final int EIGHT_DIGIT_BIN_FROM = 16;

    public VaultedCard {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(bin, "bin");
        Objects.requireNonNull(last4, "last4");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The display data of the card saved under the token. */
    public static VaultedCard of(String token, MerchantId merchantId, String customerId, PaymentMethodData.Card card,
                                 String fingerprint, Instant createdAt) {
        return new VaultedCard(token, merchantId, customerId, binOf(card.number()), card.last4(), card.expiryMonth(),
                card.expiryYear(), card.brand(), card.holderName(), fingerprint, createdAt);
    }

    /** The first eight digits of a number of 16 digits or more, the first six of a shorter one. */
    public static String binOf(String number) {
        return number.substring(0, number.length() >= EIGHT_DIGIT_BIN_FROM ? 8 : 6);
    }
}
