package dev.tender.domain.payment;

import io.vavr.control.Option;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the customer pays. A card is kept only as brand, BIN and last four digits: the full number
 * goes to the connector and is never part of a payment.
 */
public sealed interface PaymentMethod {

    String type();

    record Card(String brand, String bin, String last4, int expiryMonth, int expiryYear,
                Option<String> holderName) implements PaymentMethod {
        private static final Pattern BIN = Pattern.compile("\\d{6,8}");
        private static final Pattern LAST4 = Pattern.compile("\\d{4}");

        public Card {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(holderName, "holderName");
            if (bin == null || !BIN.matcher(bin).matches()) {
                throw new IllegalArgumentException("bin must be 6 to 8 digits");
            }
            if (last4 == null || !LAST4.matcher(last4).matches()) {
                throw new IllegalArgumentException("last4 must be 4 digits");
            }
            if (expiryMonth < 1 || expiryMonth > 12) {
                throw new IllegalArgumentException("expiry month must be 1..12: " + expiryMonth);
            }
            if (expiryYear < 2000 || expiryYear > 9999) {
                throw new IllegalArgumentException("expiry year must have four digits: " + expiryYear);
            }
        }

        @Override
        public String type() {
            return "card";
        }
    }

    /** A payment charged against a stored mandate (merchant initiated, customer not present). */
    record StoredMandate(MandateId mandateId) implements PaymentMethod {
        public StoredMandate {
            Objects.requireNonNull(mandateId, "mandateId");
        }

        @Override
        public String type() {
            return "mandate";
        }
    }

    /** Any other method (wallet, bank redirect, …) whose details only the connector needs. */
    record Other(String type) implements PaymentMethod {
        public Other {
            Objects.requireNonNull(type, "type");
        }
    }
}
