package dev.tender.client;

import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Redirect;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the processor answered to setup recurring. {@code mandateReference} is what a later
 * merchant-initiated charge sends (in a {@link dev.tender.ports.out.PaymentMethodData.StoredMandate});
 * {@code redirect} where the customer authenticates the mandate when the status is
 * {@code REQUIRES_ACTION}; {@code message} a decline's words or an unknown's cause.
 */
public record SetupRecurringResult(Status status, Option<String> mandateReference,
                                   Option<String> connectorTransactionId, Option<Redirect> redirect,
                                   Option<String> declineCode, Option<String> message) {

    public enum Status {
        /** The mandate can be charged. */
        ACTIVE,
        PENDING,
        REQUIRES_ACTION,
        DECLINED,
        /** No usable answer: ask with {@code get} (kind {@code setup_mandate}). */
        UNKNOWN
    }

    public SetupRecurringResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mandateReference, "mandateReference");
        Objects.requireNonNull(connectorTransactionId, "connectorTransactionId");
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(declineCode, "declineCode");
        Objects.requireNonNull(message, "message");
    }

    static SetupRecurringResult from(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> new SetupRecurringResult(Status.ACTIVE, a.mandateReference(), a.reference(),
                    Option.none(), Option.none(), Option.none());
            case Outcome.Declined d -> new SetupRecurringResult(Status.DECLINED, Option.none(), Option.none(),
                    Option.none(), Option.some(d.code()), Option.some(d.message()));
            case Outcome.Pending p -> new SetupRecurringResult(Status.PENDING, Option.none(), Option.none(),
                    Option.none(), Option.none(), Option.none());
            case Outcome.RequiresAction r -> new SetupRecurringResult(Status.REQUIRES_ACTION, Option.none(),
                    Option.none(), Option.some(r.redirect()), Option.none(), Option.none());
            case Outcome.Unknown u -> new SetupRecurringResult(Status.UNKNOWN, Option.none(), Option.none(),
                    Option.none(), Option.none(), Option.some(u.cause()));
        };
    }
}
