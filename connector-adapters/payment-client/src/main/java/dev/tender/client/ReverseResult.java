package dev.tender.client;

import dev.tender.domain.payment.Outcome;
import io.vavr.control.Option;

import java.util.Objects;

/** What the processor answered to a reverse; {@code message} is a decline's words or an unknown's cause. */
public record ReverseResult(Status status, Option<String> connectorReference, Option<String> declineCode,
                            Option<String> message) {

    public enum Status {
        /** The capture is cancelled before settlement. */
        REVERSED,
        PENDING,
        /** Refused (settled already, say): refund instead. */
        DECLINED,
        /** No usable answer, or one a reverse cannot have: ask with {@code get}. */
        UNKNOWN
    }

    public ReverseResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectorReference, "connectorReference");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(message, "message");
    }

    static ReverseResult from(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> new ReverseResult(Status.REVERSED, a.reference(), Option.none(), Option.none());
            case Outcome.Declined d -> new ReverseResult(Status.DECLINED, Option.none(), Option.some(d.code()),
                    Option.some(d.message()));
            case Outcome.Pending p -> new ReverseResult(Status.PENDING, Option.none(), Option.none(), Option.none());
            case Outcome.RequiresAction r -> new ReverseResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(Outcomes.unexpectedAction("reverse")));
            case Outcome.Unknown u -> new ReverseResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(u.cause()));
        };
    }
}
