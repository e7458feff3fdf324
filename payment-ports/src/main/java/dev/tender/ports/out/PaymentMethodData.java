package dev.tender.ports.out;

import dev.tender.domain.payment.PaymentMethod;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The payment method as the connector needs it, card number included. It lives only for the call:
 * what is stored is {@link #summary()}, and {@link #toString()} masks the number and the CVC.
 */
public sealed interface PaymentMethodData {

    /** What may be kept of it: for a card, brand, BIN, last four and expiry. */
    PaymentMethod summary();

    record Card(String number, int expiryMonth, int expiryYear, String cvc, Option<String> holderName)
            implements PaymentMethodData {
        public Card {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(cvc, "cvc");
            Objects.requireNonNull(holderName, "holderName");
            if (!number.matches("\\d{12,19}")) {
                throw new IllegalArgumentException("card number must be 12 to 19 digits");
            }
        }

        public String brand() {
            return CardBrands.brandOf(number);
        }

        public String bin() {
            return number.substring(0, 6);
        }

        public String last4() {
            return number.substring(number.length() - 4);
        }

        @Override
        public PaymentMethod summary() {
            return new PaymentMethod.Card(brand(), bin(), last4(), expiryMonth, expiryYear, holderName);
        }

        @Override
        public String toString() {
            return "Card[" + brand() + " " + bin() + "******" + last4() + ", expiry " + expiryMonth + "/"
                    + expiryYear + ", cvc ***]";
        }
    }

    /** A merchant-initiated charge on a stored credential: the connector's mandate reference. */
    record StoredMandate(dev.tender.domain.payment.MandateId mandateId, String connectorMandateReference)
            implements PaymentMethodData {
        public StoredMandate {
            Objects.requireNonNull(mandateId, "mandateId");
            Objects.requireNonNull(connectorMandateReference, "connectorMandateReference");
        }

        @Override
        public PaymentMethod summary() {
            return new PaymentMethod.StoredMandate(mandateId);
        }
    }

    /** Any other method; its fields go to the connector as they are. */
    record Other(String type, Map<String, String> fields) implements PaymentMethodData {
        public Other {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(fields, "fields");
        }

        @Override
        public PaymentMethod summary() {
            return new PaymentMethod.Other(type);
        }

        @Override
        public String toString() {
            return "Other[" + type + ", fields " + fields.keySet().toList().sorted().mkString(", ") + "]";
        }
    }
}
