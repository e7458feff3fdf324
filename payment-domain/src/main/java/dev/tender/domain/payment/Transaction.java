package dev.tender.domain.payment;

import dev.tender.domain.money.Money;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * One operation sent to a connector. Saved as pending before the call, so a crash or timeout leaves a
 * visible record for reconciliation. Its id is the idempotency token of the connector call.
 *
 * @param amount        for an increment, the new authorized total; otherwise the amount moved
 * @param statusAtBegin the payment's status when the operation began, restored if it is declined
 * @param answered      whether the connector has said anything since the operation was (re)sent
 * @param observedAt    when the latest applied observation was made; older ones are stale
 */
public record Transaction(TransactionId id, TransactionKind kind, TransactionStatus status, Money amount,
                          PaymentStatus statusAtBegin, boolean finalCapture, Option<String> reference,
                          Option<Failure> failure, Option<Redirect> redirect, boolean review,
                          Option<String> reason, boolean answered, Instant createdAt, Instant observedAt) {

    /**
     * The reason on a void Tender sends because the authorization's window passed (as Stripe's
     * {@code cancellation_reason: automatic}); reserved, so a merchant's cancel cannot carry it.
     */
    public static final String EXPIRY_REASON = "authorization_expired";

    public Transaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(statusAtBegin, "statusAtBegin");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(redirect, "redirect");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    static Transaction begin(TransactionId id, TransactionKind kind, Money amount, PaymentStatus statusAtBegin,
                             Instant at) {
        return new Transaction(id, kind, TransactionStatus.PENDING, amount, statusAtBegin, false, Option.none(),
                Option.none(), Option.none(), false, Option.none(), false, at, at);
    }

    Transaction asFinalCapture(boolean isFinal) {
        return new Transaction(id, kind, status, amount, statusAtBegin, isFinal, reference, failure, redirect, review,
                reason, answered, createdAt, observedAt);
    }

    Transaction withReason(Option<String> newReason) {
        return new Transaction(id, kind, status, amount, statusAtBegin, finalCapture, reference, failure, redirect,
                review, newReason, answered, createdAt, observedAt);
    }

    /** A void sent because the authorization lapsed: its approval expires the payment. */
    public boolean expiresAuthorization() {
        return kind == TransactionKind.VOID && reason.contains(EXPIRY_REASON);
    }

    /** The operation of the transition table whose outcomes this transaction records. */
    public Operation operation() {
        return expiresAuthorization() ? Operation.EXPIRE : kind.operation();
    }

    /** Pending, but waiting for the customer (3DS, bank page) rather than for the connector. */
    public boolean awaitingCustomer() {
        return status == TransactionStatus.PENDING && redirect.isDefined();
    }

    /** Sent to the connector and not settled: blocks every other money movement on the payment. */
    public boolean inFlight() {
        return status.isOpen() && !awaitingCustomer();
    }

    public boolean succeeded() {
        return status == TransactionStatus.SUCCEEDED;
    }

    /** Succeeded, or may still succeed: what a limit on refunds must count. */
    public boolean mayMoveMoney() {
        return status != TransactionStatus.FAILED;
    }

    public RefundStatus refundStatus() {
        return switch (status) {
            case SUCCEEDED -> RefundStatus.SUCCEEDED;
            case FAILED -> RefundStatus.FAILED;
            case PENDING, UNKNOWN -> review ? RefundStatus.REVIEW : RefundStatus.PENDING;
        };
    }

    /** How much is known: sent without answer 0, unknown 1, still open 2, final 3 (as {@link Outcome#certainty}). */
    int certainty() {
        return switch (status) {
            case PENDING -> answered ? 2 : 0;
            case UNKNOWN -> 1;
            case SUCCEEDED, FAILED -> 3;
        };
    }

    /**
     * Whether an observation tells something new. A final answer always does while the transaction is
     * open, and so does the first answer to the original call, whatever its timestamp (the connector's
     * clock and ours differ). After that — or after the call was sent again, on completing 3DS — an answer must not be older than the last one applied and must be more
     * certain, or, between two "still open" answers, strictly newer and different — so a duplicate
     * delivered again never undoes what came after it. Final transactions never change.
     */
    boolean isNews(Outcome outcome, Instant at) {
        if (certainty() == 3) {
            return false;
        }
        if (outcome.certainty() == 3 || certainty() == 0 && observedAt.equals(createdAt)) {
            return outcome.certainty() > certainty();
        }
        if (outcome.certainty() != certainty()) {
            return outcome.certainty() > certainty() && !at.isBefore(observedAt);
        }
        return outcome.certainty() == 2 && at.isAfter(observedAt) && !describes(outcome);
    }

    private boolean describes(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Pending p -> redirect.isEmpty() && review == p.review();
            case Outcome.RequiresAction r -> redirect.contains(r.redirect());
            default -> false;
        };
    }

    Transaction observe(Outcome outcome, Instant at) {
        return switch (outcome) {
            case Outcome.Approved a -> new Transaction(id, kind, TransactionStatus.SUCCEEDED, amount, statusAtBegin,
                    finalCapture, a.reference().orElse(reference), Option.none(), Option.none(), false, reason,
                    true, createdAt, at);
            case Outcome.Declined d -> new Transaction(id, kind, TransactionStatus.FAILED, amount, statusAtBegin,
                    finalCapture, reference, Option.some(new Failure(d.code(), d.message())), Option.none(), false,
                    reason, true, createdAt, at);
            case Outcome.Pending p -> new Transaction(id, kind, TransactionStatus.PENDING, amount, statusAtBegin,
                    finalCapture, reference, Option.none(), Option.none(), p.review(), reason, true, createdAt, at);
            case Outcome.RequiresAction r -> new Transaction(id, kind, TransactionStatus.PENDING, amount,
                    statusAtBegin, finalCapture, r.reference().orElse(reference), Option.none(),
                    Option.some(r.redirect()), false, reason,
                    true, createdAt, at);
            case Outcome.Unknown u -> new Transaction(id, kind, TransactionStatus.UNKNOWN, amount, statusAtBegin,
                    finalCapture, reference, Option.none(), Option.none(), false, reason, true, createdAt, at);
        };
    }

    /**
     * Left unknown for a person, with why: its time of observation stays, so any later answer of the
     * connector is still news.
     */
    Transaction escalated(Failure why) {
        return new Transaction(id, kind, TransactionStatus.UNKNOWN, amount, statusAtBegin, finalCapture, reference,
                Option.some(why), Option.none(), review, reason, true, createdAt, observedAt);
    }

    /** The customer is back from the redirect: the transaction is in the connector's hands again. */
    Transaction resumed(Instant at) {
        return new Transaction(id, kind, status, amount, statusAtBegin, finalCapture, reference, failure,
                Option.none(), review, reason, false, createdAt, at);
    }

    /** Given up before the connector was asked again (the payment was cancelled while awaiting the customer). */
    Transaction abandoned(Instant at) {
        return new Transaction(id, kind, TransactionStatus.FAILED, amount, statusAtBegin, finalCapture, reference,
                Option.some(new Failure("cancelled", "cancelled while awaiting customer action")), Option.none(),
                false, reason, true, createdAt, at);
    }
}
