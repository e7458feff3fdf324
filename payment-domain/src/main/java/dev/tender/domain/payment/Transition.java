package dev.tender.domain.payment;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * One possible change of status: from {@code from} (none: the payment is being created) to {@code to},
 * caused by {@code operation} (for a connector outcome, the operation that began the transaction).
 */
public record Transition(Option<PaymentStatus> from, Operation operation, PaymentStatus to, String when) {
    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(when, "when");
    }
}
