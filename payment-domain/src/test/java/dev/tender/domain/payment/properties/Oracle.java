package dev.tender.domain.payment.properties;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Capture;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Confirm;
import dev.tender.domain.payment.CreateOrder;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.ExpireAuthorization;
import dev.tender.domain.payment.IncrementAuthorization;
import dev.tender.domain.payment.Operation;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RecordOutcome;
import dev.tender.domain.payment.Refund;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.Reverse;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.domain.payment.TransitionTable;
import dev.tender.domain.payment.UpdatePayment;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.math.BigInteger;
import java.time.Instant;

import static dev.tender.domain.payment.RejectionCode.AUTHORIZATION_EXPIRED;
import static dev.tender.domain.payment.RejectionCode.DUPLICATE_TRANSACTION;
import static dev.tender.domain.payment.RejectionCode.INVALID_REQUEST_DATA;
import static dev.tender.domain.payment.RejectionCode.MISSING_REQUIRED_FIELD;
import static dev.tender.domain.payment.RejectionCode.NOT_SUPPORTED;
import static dev.tender.domain.payment.RejectionCode.PAYMENT_UNEXPECTED_STATE;
import static dev.tender.domain.payment.RejectionCode.PRECONDITION_FAILED;
import static dev.tender.domain.payment.RejectionCode.REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT;
import static dev.tender.domain.payment.RejectionCode.TRANSACTION_NOT_FOUND;

/**
 * The rules of STATE-MACHINE.md restated independently of the domain's code, in the order the domain
 * checks them: which rejection a command should get, or none. The transition table is the one input
 * shared with the domain, read through its public API.
 */
final class Oracle {

    private Oracle() {
    }

    static Option<RejectionCode> create(CreatePayment c) {
        return first(
                c.amount().isZero() && c.mandateSetup().isEmpty(), INVALID_REQUEST_DATA);
    }

    static Option<RejectionCode> tableOnly(Payment p, Operation operation) {
        return first(!TransitionTable.allows(operation, p.status()), PAYMENT_UNEXPECTED_STATE);
    }

    static Option<RejectionCode> update(Payment p, UpdatePayment c) {
        boolean amountChanges = c.amount().exists(a -> !a.equals(p.amount()));
        boolean ordered = p.orderReference().isDefined() || open(p, TransactionKind.ORDER);
        return first(
                !TransitionTable.allows(Operation.UPDATE, p.status()), PAYMENT_UNEXPECTED_STATE,
                c.amount().exists(Money::isZero) && p.mandateSetup().isEmpty(), INVALID_REQUEST_DATA,
                amountChanges && ordered, PRECONDITION_FAILED);
    }

    static Option<RejectionCode> order(Payment p, CreateOrder c) {
        return first(
                !TransitionTable.allows(Operation.CREATE_ORDER, p.status()), PAYMENT_UNEXPECTED_STATE,
                inFlight(p), PRECONDITION_FAILED,
                !c.capabilities().contains(Capability.ORDERS), NOT_SUPPORTED,
                p.orderReference().isDefined(), PRECONDITION_FAILED);
    }

    static Option<RejectionCode> confirm(Payment p, Confirm c) {
        Capability needed = switch (p.captureMethod()) {
            case AUTOMATIC -> null;
            case MANUAL -> Capability.MANUAL_CAPTURE;
            case MANUAL_MULTIPLE -> Capability.MULTIPLE_CAPTURE;
        };
        return first(
                !TransitionTable.allows(Operation.CONFIRM, p.status()), PAYMENT_UNEXPECTED_STATE,
                inFlight(p), PRECONDITION_FAILED,
                p.paymentMethod().isEmpty() && c.paymentMethod().isEmpty(), MISSING_REQUIRED_FIELD,
                needed != null && !c.capabilities().contains(needed), NOT_SUPPORTED,
                p.mandateSetup().isDefined() && !c.capabilities().contains(Capability.MANDATES), NOT_SUPPORTED);
    }

    static Option<RejectionCode> capture(Payment p, Capture c) {
        long capturable = p.authorized().minor() - p.captured().minor();
        return first(
                p.captureMethod() == CaptureMethod.AUTOMATIC, PAYMENT_UNEXPECTED_STATE,
                p.status() == PaymentStatus.EXPIRED || TransitionTable.allows(Operation.CAPTURE, p.status())
                        && p.authorizationExpiresAt().exists(at -> !c.at().isBefore(at)), AUTHORIZATION_EXPIRED,
                !TransitionTable.allows(Operation.CAPTURE, p.status()), PAYMENT_UNEXPECTED_STATE,
                inFlight(p), PRECONDITION_FAILED,
                !c.amount().currency().equals(p.amount().currency()), INVALID_REQUEST_DATA,
                c.amount().minor() == 0, INVALID_REQUEST_DATA,
                c.amount().minor() > capturable, INVALID_REQUEST_DATA);
    }

    static Option<RejectionCode> cancel(Payment p) {
        boolean confirmed = p.status() != PaymentStatus.REQUIRES_PAYMENT_METHOD
                && p.status() != PaymentStatus.REQUIRES_CONFIRMATION;
        return first(
                !TransitionTable.allows(Operation.VOID, p.status()), PAYMENT_UNEXPECTED_STATE,
                confirmed && inFlight(p), PRECONDITION_FAILED);
    }

    static Option<RejectionCode> reverse(Payment p, Reverse c) {
        return first(
                !TransitionTable.allows(Operation.REVERSE, p.status()), PAYMENT_UNEXPECTED_STATE,
                inFlight(p), PRECONDITION_FAILED,
                !p.capabilities().contains(Capability.REVERSE), NOT_SUPPORTED,
                refunds(p).exists(r -> r.status() != TransactionStatus.FAILED), PRECONDITION_FAILED,
                !c.at().isBefore(c.settlementCutoff()), PRECONDITION_FAILED);
    }

    static Option<RejectionCode> refund(Payment p, Refund c) {
        BigInteger claimed = refunds(p).filter(r -> r.status() != TransactionStatus.FAILED)
                .map(r -> BigInteger.valueOf(r.amount().minor())).fold(BigInteger.ZERO, BigInteger::add);
        BigInteger after = claimed.add(BigInteger.valueOf(c.amount().minor()));
        return first(
                !TransitionTable.allows(Operation.REFUND, p.status()), PAYMENT_UNEXPECTED_STATE,
                open(p, TransactionKind.REVERSE), PRECONDITION_FAILED,
                !c.amount().currency().equals(p.amount().currency()), INVALID_REQUEST_DATA,
                c.amount().minor() == 0, INVALID_REQUEST_DATA,
                after.compareTo(BigInteger.valueOf(p.captured().minor())) > 0, REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT);
    }

    static Option<RejectionCode> increment(Payment p, IncrementAuthorization c) {
        return first(
                !TransitionTable.allows(Operation.INCREMENT_AUTHORIZATION, p.status()), PAYMENT_UNEXPECTED_STATE,
                inFlight(p), PRECONDITION_FAILED,
                !p.capabilities().contains(Capability.INCREMENTAL_AUTHORIZATION), NOT_SUPPORTED,
                p.captured().minor() > 0, PRECONDITION_FAILED,
                !c.newTotal().currency().equals(p.amount().currency()), INVALID_REQUEST_DATA,
                c.newTotal().minor() <= p.authorized().minor(), INVALID_REQUEST_DATA);
    }

    static Option<RejectionCode> expire(Payment p, Instant now) {
        return first(
                !TransitionTable.allows(Operation.EXPIRE, p.status()), PAYMENT_UNEXPECTED_STATE,
                inFlight(p), PRECONDITION_FAILED,
                p.authorizationExpiresAt().exists(now::isBefore), PRECONDITION_FAILED);
    }

    static Option<RejectionCode> beginExpiry(Payment p, ExpireAuthorization c) {
        return first(
                !TransitionTable.allows(Operation.EXPIRE, p.status()), PAYMENT_UNEXPECTED_STATE,
                inFlight(p), PRECONDITION_FAILED,
                p.authorizationExpiresAt().exists(c.at()::isBefore), PRECONDITION_FAILED,
                p.transactions().exists(t -> t.id().equals(c.transactionId())), DUPLICATE_TRANSACTION);
    }

    static Option<RejectionCode> observe(Payment p, RecordOutcome c) {
        Option<Transaction> tx = p.transactions().find(t -> t.id().equals(c.transactionId()));
        boolean authorizeLike = tx.exists(t -> t.kind() == TransactionKind.AUTHORIZE
                || t.kind() == TransactionKind.SETUP_MANDATE);
        return first(
                tx.isEmpty(), TRANSACTION_NOT_FOUND,
                c.outcome() instanceof Outcome.RequiresAction && !authorizeLike, INVALID_REQUEST_DATA);
    }

    /** Sent to the connector, no final answer, and not merely waiting for the customer. */
    static boolean inFlight(Payment p) {
        return p.transactions().exists(t -> t.kind() != TransactionKind.REFUND
                && (t.status() == TransactionStatus.UNKNOWN
                || t.status() == TransactionStatus.PENDING && t.redirect().isEmpty()));
    }

    private static boolean open(Payment p, TransactionKind kind) {
        return p.transactions().exists(t -> t.kind() == kind
                && (t.status() == TransactionStatus.PENDING || t.status() == TransactionStatus.UNKNOWN));
    }

    private static List<Transaction> refunds(Payment p) {
        return p.transactions().filter(t -> t.kind() == TransactionKind.REFUND);
    }

    /** Pairs of (broken?, code): the first broken one decides. */
    private static Option<RejectionCode> first(Object... conditionsAndCodes) {
        for (int i = 0; i < conditionsAndCodes.length; i += 2) {
            if ((Boolean) conditionsAndCodes[i]) {
                return Option.some((RejectionCode) conditionsAndCodes[i + 1]);
            }
        }
        return Option.none();
    }
}
