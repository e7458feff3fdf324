package dev.tender.domain.payment;

import io.vavr.control.Option;

import java.util.Objects;

/** What a connector answered, or what a later sync or webhook observed, for one transaction. */
public sealed interface Outcome {

    /** Done. {@code reference} is the processor's id; {@code mandateReference} its id for a stored mandate. */
    record Approved(Option<String> reference, Option<String> mandateReference) implements Outcome {
        public Approved {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(mandateReference, "mandateReference");
        }

        public static Approved of(String reference) {
            return new Approved(Option.of(reference), Option.none());
        }

        public static Approved withoutReference() {
            return new Approved(Option.none(), Option.none());
        }
    }

    record Declined(String code, String message) implements Outcome {
        public Declined {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Accepted, not final yet; {@code review} when the processor holds it for manual review (refunds). */
    record Pending(boolean review) implements Outcome {
        public static Pending of() {
            return new Pending(false);
        }
    }

    /** The customer must act first; {@code reference} is the processor's id of the payment, if it gave one. */
    record RequiresAction(Redirect redirect, Option<String> reference) implements Outcome {
        public RequiresAction {
            Objects.requireNonNull(redirect, "redirect");
            Objects.requireNonNull(reference, "reference");
        }

        public RequiresAction(Redirect redirect) {
            this(redirect, Option.none());
        }
    }

    /** No usable answer (timeout, crash, unreadable body): never a guess, always reconciled later. */
    record Unknown(String cause) implements Outcome {
        public Unknown {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * How much an observation says: unknown only that the call was made, pending and requires-action
     * that it is still open, approved and declined are final. An outcome never replaces one that says more.
     */
    default int certainty() {
        return switch (this) {
            case Unknown u -> 1;
            case Pending p -> 2;
            case RequiresAction r -> 2;
            case Approved a -> 3;
            case Declined d -> 3;
        };
    }
}
