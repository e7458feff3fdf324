package dev.tender.client;

import dev.tender.domain.payment.Outcome;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the processor answered to a refund. {@code connectorRefundId} is the processor's id of the refund
 * when it gives one; {@code message} a decline's words or an unknown's cause.
 */
public record RefundResult(Status status, Option<String> connectorRefundId, Option<String> declineCode,
                           Option<String> message) {

    public enum Status {
        REFUNDED,
        PENDING,
        /** Held by the processor for manual review; it will end refunded or declined. */
        REVIEW,
        DECLINED,
        /** No usable answer, or one a refund cannot have: ask with {@code get}, never refund again blindly. */
        UNKNOWN
    }

    public RefundResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectorRefundId, "connectorRefundId");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(message, "message");
    }

    static RefundResult from(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> new RefundResult(Status.REFUNDED, a.reference(), Option.none(), Option.none());
            case Outcome.Declined d -> new RefundResult(Status.DECLINED, Option.none(), Option.some(d.code()),
                    Option.some(d.message()));
            case Outcome.Pending p -> new RefundResult(p.review() ? Status.REVIEW : Status.PENDING, Option.none(),
                    Option.none(), Option.none());
            case Outcome.RequiresAction r -> new RefundResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(Outcomes.unexpectedAction("refund")));
            case Outcome.Unknown u -> new RefundResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some(u.cause()));
        };
    }
}
