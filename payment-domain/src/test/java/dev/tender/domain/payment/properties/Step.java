package dev.tender.domain.payment.properties;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Operation;
import io.vavr.collection.Set;

/**
 * One command or connector observation in a generated scenario. Records print as a readable list of
 * commands when QuickTheories reports a shrunk counterexample.
 */
sealed interface Step {

    Operation operation();

    record Update(Amount amount, boolean addMethod, CaptureMethod captureMethod) implements Step {
        public Operation operation() {
            return Operation.UPDATE;
        }
    }

    record CreateOrder(Set<Capability> capabilities) implements Step {
        public Operation operation() {
            return Operation.CREATE_ORDER;
        }
    }

    record Confirm(boolean bringsMethod, Set<Capability> capabilities) implements Step {
        public Operation operation() {
            return Operation.CONFIRM;
        }
    }

    record CompleteAuthorize() implements Step {
        public Operation operation() {
            return Operation.COMPLETE_AUTHORIZE;
        }
    }

    record Capture(Amount amount, boolean finalCapture) implements Step {
        public Operation operation() {
            return Operation.CAPTURE;
        }
    }

    record Cancel() implements Step {
        public Operation operation() {
            return Operation.VOID;
        }
    }

    /** Cancel post capture with the settlement cut-off this many seconds from now (negative: passed). */
    record Reverse(long cutoffInSeconds) implements Step {
        public Operation operation() {
            return Operation.REVERSE;
        }
    }

    record Refund(Amount amount) implements Step {
        public Operation operation() {
            return Operation.REFUND;
        }
    }

    /** Incremental authorization to the authorized amount plus {@code extra}. */
    record Increment(Amount extra) implements Step {
        public Operation operation() {
            return Operation.INCREMENT_AUTHORIZATION;
        }
    }

    record Expire() implements Step {
        public Operation operation() {
            return Operation.EXPIRE;
        }
    }

    /** Let {@code waitSeconds} pass, then void the lapsed authorization at the processor (Tender's expiry job). */
    record ExpireAtProcessor(long waitSeconds) implements Step {
        public Operation operation() {
            return Operation.EXPIRE;
        }
    }

    /** Let time pass: authorizations lapse, later observations are newer. */
    record Wait(long seconds) implements Step {
        public Operation operation() {
            return Operation.SYNC;
        }
    }

    /**
     * An outcome for a transaction, observed {@code skewSeconds} from now (negative: a stale report).
     * {@code transaction}: negative, an id the payment does not have; 0 to 9, that transaction (modulo
     * their number), so old ones get duplicate and late reports; 10 and above (most often), the latest.
     */
    record Observe(int transaction, OutcomeKind outcome, long skewSeconds) implements Step {
        public Operation operation() {
            return Operation.SYNC;
        }
    }

    /** ESCALATED: not an answer, the reconciler giving up on the transaction ({@code Payment.escalate}). */
    enum OutcomeKind { APPROVED, DECLINED, PENDING, REVIEW, REQUIRES_ACTION, UNKNOWN, ESCALATED }
}
