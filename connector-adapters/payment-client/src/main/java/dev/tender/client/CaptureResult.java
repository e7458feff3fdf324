package dev.tender.client;

import dev.tender.domain.payment.Outcome;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the processor answered to a capture. {@code connectorReference} is the processor's id of the
 * capture when it gives one; {@code message} the processor's words on a decline, or the cause of an
 * {@code UNKNOWN}.
 */
public record CaptureResult(Status status, Option<String> connectorReference, Option<String> declineCode,
                            Option<String> message) {

    public enum Status {
        CAPTURED,
        PENDING,
        /** Refused; the authorization stands as it was. */
        DECLINED,
        /** No usable answer, or one a capture cannot have: ask with {@code get}. */
        UNKNOWN
    }

    public CaptureResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectorReference, "connectorReference");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(message, "message");
    }

    static CaptureResult from(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> new CaptureResult(Status.CAPTURED, a.reference(), Option.none(), Option.none());
            case Outcome.Declined d -> new CaptureResult(Status.DECLINED, Option.none(), Option.some(d.code()),
                    Option.some(d.message()));
            case Outcome.Pending p -> new CaptureResult(Status.PENDING, Option.none(), Option.none(), Option.none());
            case Outcome.RequiresAction r -> new CaptureResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(Outcomes.unexpectedAction("capture")));
            case Outcome.Unknown u -> new CaptureResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(u.cause()));
        };
    }
}
