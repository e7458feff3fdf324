package dev.tender.client;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Redirect;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the processor answered to an authorize. {@code connectorTransactionId} is the id to capture,
 * void, refund or get with; {@code redirect} where to send the customer when the status is
 * {@code REQUIRES_ACTION}; {@code declineCode} one of {@link dev.tender.ports.out.DeclineCodes};
 * {@code message} the processor's words on a decline, or the cause of an {@code UNKNOWN}.
 */
public record AuthorizeResult(Status status, Option<String> connectorTransactionId, Option<Redirect> redirect,
                              Option<String> declineCode, Option<String> message, Option<String> mandateReference) {

    public enum Status {
        /** Reserved; capture it later (manual capture). */
        AUTHORIZED,
        /** Reserved and captured in one step (automatic capture). */
        CHARGED,
        /** Accepted, not final yet: wait for a webhook or {@code get}. */
        PENDING,
        /** The customer must finish on {@code redirect} (3DS, bank page). */
        REQUIRES_ACTION,
        DECLINED,
        /** No usable answer (timeout, unreadable reply): money may have moved; ask with {@code get}. */
        UNKNOWN
    }

    public AuthorizeResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectorTransactionId, "connectorTransactionId");
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(mandateReference, "mandateReference");
    }

    static AuthorizeResult from(Outcome outcome, CaptureMethod captureMethod) {
        return switch (outcome) {
            case Outcome.Approved a -> new AuthorizeResult(
                    captureMethod == CaptureMethod.AUTOMATIC ? Status.CHARGED : Status.AUTHORIZED,
                    a.reference(), Option.none(), Option.none(), Option.none(), a.mandateReference());
            case Outcome.Declined d -> new AuthorizeResult(Status.DECLINED, Option.none(), Option.none(),
                    Option.some(d.code()), Option.some(d.message()), Option.none());
            case Outcome.Pending p -> only(Status.PENDING, Option.none());
            case Outcome.RequiresAction r -> new AuthorizeResult(Status.REQUIRES_ACTION, Option.none(),
                    Option.some(r.redirect()), Option.none(), Option.none(), Option.none());
            case Outcome.Unknown u -> only(Status.UNKNOWN, Option.some(u.cause()));
        };
    }

    private static AuthorizeResult only(Status status, Option<String> message) {
        return new AuthorizeResult(status, Option.none(), Option.none(), Option.none(), message, Option.none());
    }
}
