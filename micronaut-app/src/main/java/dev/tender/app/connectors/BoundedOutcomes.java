package dev.tender.app.connectors;

import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.WebhookSource;

/**
 * A processor's answer, and each event of its webhooks, with every text field made storable
 * ({@link ProcessorText}): a decline code longer than the column, a NUL in a message, would otherwise fail
 * the write after the processor acted, and a webhook would fail the same way at each of its retries.
 */
public final class BoundedOutcomes {

    private BoundedOutcomes() {
    }

    public static Outcome of(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> new Outcome.Approved(a.reference().map(BoundedOutcomes::reference),
                    a.mandateReference().map(BoundedOutcomes::reference));
            case Outcome.Declined d -> new Outcome.Declined(ProcessorText.clean(d.code(), ProcessorText.CODE),
                    ProcessorText.clean(d.message(), ProcessorText.MESSAGE));
            case Outcome.Pending p -> p;
            case Outcome.RequiresAction r -> new Outcome.RequiresAction(r.redirect(),
                    r.reference().map(BoundedOutcomes::reference));
            case Outcome.Unknown u -> new Outcome.Unknown(ProcessorText.clean(u.cause(), ProcessorText.MESSAGE));
        };
    }

    public static WebhookSource.Event of(WebhookSource.Event event) {
        return new WebhookSource.Event(ProcessorText.clean(event.eventId(), ProcessorText.REFERENCE),
                event.paymentId(), event.transactionId(), of(event.outcome()));
    }

    private static String reference(String reference) {
        return ProcessorText.clean(reference, ProcessorText.REFERENCE);
    }
}
