package dev.tender.client;

import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.TransactionKind;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Where the earlier call of {@code kind} stands at the processor now. {@code SUCCEEDED} means that call
 * did what it asked (an authorize authorized, or charged under automatic capture; a capture captured);
 * {@code connectorTransactionId} is the processor's id it reports (the payment's, for an authorize
 * whose first answer was lost); {@code message} a decline's words or an unknown's cause.
 */
public record GetResult(TransactionKind kind, Status status, Option<String> connectorTransactionId,
                        Option<Redirect> redirect, Option<String> declineCode, Option<String> message,
                        Option<String> mandateReference) {

    public enum Status {
        SUCCEEDED,
        PENDING,
        /** Pending a processor's manual review (refunds). */
        REVIEW,
        /** The customer has not finished on {@code redirect} yet. */
        REQUIRES_ACTION,
        DECLINED,
        /** The processor cannot tell yet (or could not be reached): ask again later. */
        UNKNOWN
    }

    public GetResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectorTransactionId, "connectorTransactionId");
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(mandateReference, "mandateReference");
    }

    static GetResult from(TransactionKind kind, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> new GetResult(kind, Status.SUCCEEDED, a.reference(), Option.none(),
                    Option.none(), Option.none(), a.mandateReference());
            case Outcome.Declined d -> new GetResult(kind, Status.DECLINED, Option.none(), Option.none(),
                    Option.some(d.code()), Option.some(d.message()), Option.none());
            case Outcome.Pending p -> new GetResult(kind, p.review() ? Status.REVIEW : Status.PENDING, Option.none(),
                    Option.none(), Option.none(), Option.none(), Option.none());
            case Outcome.RequiresAction r -> new GetResult(kind, Status.REQUIRES_ACTION, Option.none(),
                    Option.some(r.redirect()), Option.none(), Option.none(), Option.none());
            case Outcome.Unknown u -> new GetResult(kind, Status.UNKNOWN, Option.none(), Option.none(), Option.none(),
                    Option.some(u.cause()), Option.none());
        };
    }
}
