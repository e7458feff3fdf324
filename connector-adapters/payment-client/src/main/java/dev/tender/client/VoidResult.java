package dev.tender.client;

import dev.tender.domain.payment.Outcome;
import io.vavr.control.Option;

import java.util.Objects;

/** What the processor answered to a void; {@code message} is a decline's words or an unknown's cause. */
public record VoidResult(Status status, Option<String> connectorReference, Option<String> declineCode,
                         Option<String> message) {

    public enum Status {
        /** The hold is released. */
        VOIDED,
        PENDING,
        /** Refused; the authorization stands as it was. */
        DECLINED,
        /** No usable answer, or one a void cannot have: ask with {@code get}. */
        UNKNOWN
    }

    public VoidResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectorReference, "connectorReference");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(message, "message");
    }

    static VoidResult from(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> new VoidResult(Status.VOIDED, a.reference(), Option.none(), Option.none());
            case Outcome.Declined d -> new VoidResult(Status.DECLINED, Option.none(), Option.some(d.code()),
                    Option.some(d.message()));
            case Outcome.Pending p -> new VoidResult(Status.PENDING, Option.none(), Option.none(), Option.none());
            case Outcome.RequiresAction r -> new VoidResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(Outcomes.unexpectedAction("void")));
            case Outcome.Unknown u -> new VoidResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(u.cause()));
        };
    }
}
