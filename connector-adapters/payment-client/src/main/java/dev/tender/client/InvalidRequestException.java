package dev.tender.client;

import io.vavr.collection.List;

import java.util.Objects;

/**
 * A request that cannot be sent: a missing field, an amount that is not positive, a currency that is
 * not ISO-4217, an id a connector cannot carry. It is thrown when the request record is built (or when
 * an operation is given {@code null}), before any connector is called, so nothing was sent; it lists
 * every problem of the request, not only the first. Answers of the processor, declines and timeouts
 * included, are never exceptions: they are results.
 */
public final class InvalidRequestException extends IllegalArgumentException {

    private final transient List<String> errors;

    InvalidRequestException(String request, List<String> errors) {
        super("invalid " + request + ": " + errors.mkString("; "));
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Every problem found, one sentence each, in field order. */
    public List<String> errors() {
        return errors;
    }
}
