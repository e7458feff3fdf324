package dev.tender.domain.payment;

import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * Confirm the payment: begins the authorization (or the purchase, for automatic capture, or the
 * mandate setup, for a zero amount) at {@code connector}, whose capabilities the later operations obey.
 */
public record Confirm(TransactionId transactionId, Option<PaymentMethod> paymentMethod, String connector,
                      Set<Capability> capabilities, Instant at) {
    public Confirm {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(at, "at");
    }
}
