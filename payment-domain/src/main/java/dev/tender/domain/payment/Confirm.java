package dev.tender.domain.payment;

import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Confirm the payment: begins the authorization (or the purchase, for automatic capture, or the
 * mandate setup, for a zero amount) at {@code connector}, whose capabilities the later operations obey.
 *
 * @param authorizationValidity the connector's authorization window, replacing the one the payment was
 *                              created with; none keeps it
 */
public record Confirm(TransactionId transactionId, Option<PaymentMethod> paymentMethod, String connector,
                      Set<Capability> capabilities, Option<Duration> authorizationValidity, Instant at) {
    public Confirm {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(authorizationValidity, "authorizationValidity");
        Objects.requireNonNull(at, "at");
        if (authorizationValidity.exists(v -> v.isNegative() || v.isZero())) {
            throw new IllegalArgumentException("an authorization window must be positive: " + authorizationValidity);
        }
    }

    /** Keeps the authorization validity the payment was created with. */
    public Confirm(TransactionId transactionId, Option<PaymentMethod> paymentMethod, String connector,
                   Set<Capability> capabilities, Instant at) {
        this(transactionId, paymentMethod, connector, capabilities, Option.none(), at);
    }

    public Confirm withAuthorizationValidity(Duration validity) {
        return new Confirm(transactionId, paymentMethod, connector, capabilities, Option.some(validity), at);
    }
}
