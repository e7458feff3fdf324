package dev.tender.ports.in;

import dev.tender.domain.payment.Rejection;
import io.vavr.collection.Seq;

/** Why a use case did not do what it was asked; each maps to one documented API error. */
public sealed interface ApplicationError {

    /** The command itself is malformed: every field error at once. */
    record Invalid(Seq<FieldError> errors) implements ApplicationError {
    }

    /** The payment's rules refused it (transition table, amounts, …). */
    record Rejected(Rejection rejection) implements ApplicationError {
    }

    record NotFound(String resource, String id) implements ApplicationError {
    }

    /** Another request changed the same payment first, or the same idempotency key is still running. */
    record Conflict(String message) implements ApplicationError {
    }

    /** The idempotency key was used before for a different request. */
    record IdempotencyMismatch(String key) implements ApplicationError {
    }

    /** No enabled connector account of the merchant can do what the payment needs. */
    record NoConnector(String message) implements ApplicationError {
    }

    /** The redirect the customer came back with is forged, tampered, stale or replayed. */
    record RedirectRejected(String reason) implements ApplicationError {
    }

    /** A processor's notification whose signature does not verify (or that cannot be read). */
    record WebhookRejected(String reason) implements ApplicationError {
    }
}
