package dev.tender.domain.payment;

import io.vavr.collection.Set;

import java.util.Objects;

/** Why a command was refused. A value, never an exception; the payment it was aimed at is unchanged. */
public record Rejection(RejectionCode code, String message) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Rejection unexpectedState(Operation operation, PaymentStatus current, Set<PaymentStatus> allowed) {
        String expected = allowed.isEmpty() ? "none" : allowed.toSortedSet().mkString(", ");
        return new Rejection(RejectionCode.PAYMENT_UNEXPECTED_STATE,
                "This payment could not be " + operation.pastTense() + " because it has a status of " + current
                        + "; " + operation + " is allowed from: " + expected);
    }

    static Rejection precondition(String message) {
        return new Rejection(RejectionCode.PRECONDITION_FAILED, message);
    }

    static Rejection invalid(String message) {
        return new Rejection(RejectionCode.INVALID_REQUEST_DATA, message);
    }

    static Rejection missing(String field) {
        return new Rejection(RejectionCode.MISSING_REQUIRED_FIELD, "Missing required param: " + field);
    }

    static Rejection notSupported(Capability capability) {
        return new Rejection(RejectionCode.NOT_SUPPORTED,
                "The connector of this payment does not support " + capability);
    }
}
