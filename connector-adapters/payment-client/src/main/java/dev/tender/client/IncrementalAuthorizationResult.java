package dev.tender.client;

import dev.tender.domain.payment.Outcome;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the processor answered to an incremental authorization; {@code message} is a decline's words or
 * an unknown's cause.
 */
public record IncrementalAuthorizationResult(Status status, Option<String> connectorReference,
                                             Option<String> declineCode, Option<String> message) {

    public enum Status {
        /** The new total is authorized. */
        AUTHORIZED,
        PENDING,
        /** Refused; the earlier authorized amount stands. */
        DECLINED,
        /** No usable answer, or one an increment cannot have: ask with {@code get}. */
        UNKNOWN
    }

    public IncrementalAuthorizationResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectorReference, "connectorReference");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(message, "message");
    }

    static IncrementalAuthorizationResult from(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> new IncrementalAuthorizationResult(Status.AUTHORIZED, a.reference(),
                    Option.none(), Option.none());
            case Outcome.Declined d -> new IncrementalAuthorizationResult(Status.DECLINED, Option.none(),
                    Option.some(d.code()), Option.some(d.message()));
            case Outcome.Pending p -> new IncrementalAuthorizationResult(Status.PENDING, Option.none(), Option.none(),
                    Option.none());
            case Outcome.RequiresAction r -> new IncrementalAuthorizationResult(Status.UNKNOWN, Option.none(),
                    Option.none(), Option.some(Outcomes.unexpectedAction("incremental authorization")));
            case Outcome.Unknown u -> new IncrementalAuthorizationResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(u.cause()));
        };
    }
}
