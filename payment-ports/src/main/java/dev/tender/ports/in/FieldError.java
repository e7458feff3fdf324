package dev.tender.ports.in;

import java.util.Objects;

/** One thing wrong with one field of a command, named as the API names the field. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
