package dev.tender.domain.payment;

import java.util.Objects;

/** Why a connector declined an operation: the unified code and the processor's message. */
public record Failure(String code, String message) {
    public Failure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
