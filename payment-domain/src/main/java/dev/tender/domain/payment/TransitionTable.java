package dev.tender.domain.payment;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;

import static dev.tender.domain.payment.PaymentStatus.CANCELLED;
import static dev.tender.domain.payment.PaymentStatus.CANCELLED_POST_CAPTURE;
import static dev.tender.domain.payment.PaymentStatus.EXPIRED;
import static dev.tender.domain.payment.PaymentStatus.FAILED;
import static dev.tender.domain.payment.PaymentStatus.PARTIALLY_CAPTURED;
import static dev.tender.domain.payment.PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE;
import static dev.tender.domain.payment.PaymentStatus.PROCESSING;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_CAPTURE;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_CONFIRMATION;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_CUSTOMER_ACTION;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_MERCHANT_ACTION;
import static dev.tender.domain.payment.PaymentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.tender.domain.payment.PaymentStatus.SUCCEEDED;

/**
 * The rules as data: which operation may start from which status, and every change of status an
 * operation or its outcome can make. The payment, its rejection messages, the documentation's state
 * diagram and the property tests all read this table.
 */
public final class TransitionTable {

    private static final Map<Operation, Set<PaymentStatus>> ALLOWED = LinkedHashMap.ofEntries(
            Tuple.of(Operation.CREATE, TreeSet.<PaymentStatus>empty()),
            Tuple.of(Operation.UPDATE, TreeSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION)),
            Tuple.of(Operation.CREATE_ORDER, TreeSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION)),
            Tuple.of(Operation.CONFIRM, TreeSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION)),
            Tuple.of(Operation.COMPLETE_AUTHORIZE, TreeSet.of(REQUIRES_CUSTOMER_ACTION)),
            Tuple.of(Operation.CAPTURE, TreeSet.of(REQUIRES_CAPTURE, PARTIALLY_CAPTURED_AND_CAPTURABLE)),
            Tuple.of(Operation.VOID, TreeSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION,
                    REQUIRES_CUSTOMER_ACTION, REQUIRES_CAPTURE, PARTIALLY_CAPTURED_AND_CAPTURABLE)),
            Tuple.of(Operation.REVERSE, TreeSet.of(SUCCEEDED, PARTIALLY_CAPTURED, PARTIALLY_CAPTURED_AND_CAPTURABLE)),
            Tuple.of(Operation.REFUND, TreeSet.of(SUCCEEDED, PARTIALLY_CAPTURED)),
            Tuple.of(Operation.INCREMENT_AUTHORIZATION, TreeSet.of(REQUIRES_CAPTURE)),
            Tuple.of(Operation.EXPIRE, TreeSet.of(REQUIRES_CAPTURE, PARTIALLY_CAPTURED_AND_CAPTURABLE)),
            // a sync applies what the connector reports about one transaction, forward only; in any status
            // it is harmless, and a late webhook for a finished payment must be answered, not refused
            Tuple.of(Operation.SYNC, TreeSet.of(PaymentStatus.values())));

    private static final List<Transition> TRANSITIONS = buildTransitions();

    private TransitionTable() {
    }

    public static Set<PaymentStatus> allowedFrom(Operation operation) {
        return ALLOWED.get(operation).getOrElse(TreeSet.empty());
    }

    public static boolean allows(Operation operation, PaymentStatus status) {
        return allowedFrom(operation).contains(status);
    }

    /** The table as a whole, in a stable order: for each operation the statuses it may start from. */
    public static Map<Operation, Set<PaymentStatus>> allowed() {
        return ALLOWED;
    }

    /** Every change of status the domain can make; a change not listed here is a bug. */
    public static List<Transition> transitions() {
        return TRANSITIONS;
    }

    static Option<Rejection> check(Operation operation, PaymentStatus status) {
        return allows(operation, status)
                ? Option.none()
                : Option.some(Rejection.unexpectedState(operation, status, allowedFrom(operation)));
    }

    private static List<Transition> buildTransitions() {
        List<Transition> t = List.of(
                new Transition(Option.none(), Operation.CREATE, REQUIRES_PAYMENT_METHOD, "without payment method"),
                new Transition(Option.none(), Operation.CREATE, REQUIRES_CONFIRMATION, "with payment method"),
                edge(REQUIRES_PAYMENT_METHOD, Operation.UPDATE, REQUIRES_CONFIRMATION, "payment method added"),
                edge(REQUIRES_PAYMENT_METHOD, Operation.CONFIRM, PROCESSING, "authorization sent"),
                edge(REQUIRES_CONFIRMATION, Operation.CONFIRM, PROCESSING, "authorization sent"),
                edge(REQUIRES_CUSTOMER_ACTION, Operation.COMPLETE_AUTHORIZE, PROCESSING, "customer back, sent"),
                edge(REQUIRES_PAYMENT_METHOD, Operation.VOID, CANCELLED, "nothing authorized"),
                edge(REQUIRES_CONFIRMATION, Operation.VOID, CANCELLED, "nothing authorized"),
                edge(REQUIRES_CUSTOMER_ACTION, Operation.VOID, CANCELLED, "customer action abandoned"),
                edge(REQUIRES_CAPTURE, Operation.EXPIRE, EXPIRED, "authorization lapsed"),
                edge(PARTIALLY_CAPTURED_AND_CAPTURABLE, Operation.EXPIRE, PARTIALLY_CAPTURED,
                        "authorization lapsed, remainder released"));
        t = t.appendAll(authorizeOutcomes());
        t = t.appendAll(connectorOperation(Operation.CAPTURE, REQUIRES_CAPTURE, List.of(
                Tuple.of(SUCCEEDED, "approved, all captured"),
                Tuple.of(PARTIALLY_CAPTURED, "approved, part captured, rest released (manual or final)"),
                Tuple.of(PARTIALLY_CAPTURED_AND_CAPTURABLE, "approved, part captured (manual_multiple)"))));
        t = t.appendAll(connectorOperation(Operation.CAPTURE, PARTIALLY_CAPTURED_AND_CAPTURABLE, List.of(
                Tuple.of(SUCCEEDED, "approved, all captured"),
                Tuple.of(PARTIALLY_CAPTURED, "approved, final capture, rest released"))));
        t = t.appendAll(connectorOperation(Operation.VOID, REQUIRES_CAPTURE,
                List.of(Tuple.of(CANCELLED, "approved, authorization released"))));
        t = t.appendAll(connectorOperation(Operation.VOID, PARTIALLY_CAPTURED_AND_CAPTURABLE,
                List.of(Tuple.of(PARTIALLY_CAPTURED, "approved, remainder released"))));
        // a lapsed authorization voided at the processor (Tender's expiry job), rather than released here
        t = t.appendAll(connectorOperation(Operation.EXPIRE, REQUIRES_CAPTURE,
                List.of(Tuple.of(EXPIRED, "approved, voided at the processor"))));
        t = t.appendAll(connectorOperation(Operation.EXPIRE, PARTIALLY_CAPTURED_AND_CAPTURABLE,
                List.of(Tuple.of(PARTIALLY_CAPTURED, "approved, remainder voided at the processor"))));
        for (PaymentStatus from : List.of(SUCCEEDED, PARTIALLY_CAPTURED, PARTIALLY_CAPTURED_AND_CAPTURABLE)) {
            t = t.appendAll(connectorOperation(Operation.REVERSE, from,
                    List.of(Tuple.of(CANCELLED_POST_CAPTURE, "approved, before settlement"))));
        }
        t = t.appendAll(connectorOperation(Operation.INCREMENT_AUTHORIZATION, REQUIRES_CAPTURE, List.of()));
        return t.distinctBy(x -> List.of(x.from(), x.operation(), x.to()));
    }

    /** Outcomes of an authorization (or purchase, or mandate setup) observed while it is open. */
    private static List<Transition> authorizeOutcomes() {
        List<Transition> t = List.empty();
        for (PaymentStatus from : List.of(PROCESSING, REQUIRES_MERCHANT_ACTION, REQUIRES_CUSTOMER_ACTION)) {
            t = t.append(edge(from, Operation.CONFIRM, REQUIRES_CAPTURE, "approved, manual capture"))
                    .append(edge(from, Operation.CONFIRM, SUCCEEDED, "approved, automatic capture or mandate setup"))
                    .append(edge(from, Operation.CONFIRM, FAILED, "declined"));
        }
        return t.append(edge(PROCESSING, Operation.CONFIRM, REQUIRES_CUSTOMER_ACTION, "requires action (3DS)"))
                .append(edge(REQUIRES_MERCHANT_ACTION, Operation.CONFIRM, REQUIRES_CUSTOMER_ACTION,
                        "requires action (3DS)"))
                .append(edge(PROCESSING, Operation.CONFIRM, REQUIRES_MERCHANT_ACTION, "outcome unknown"))
                .append(edge(REQUIRES_MERCHANT_ACTION, Operation.CONFIRM, PROCESSING, "pending"))
                .append(edge(REQUIRES_CUSTOMER_ACTION, Operation.CONFIRM, PROCESSING, "pending"));
    }

    /**
     * The shape every operation on an authorized payment shares: begun in {@code from} (status unchanged
     * while in flight), approved to one of {@code approved} (none: back to {@code from}), declined back
     * to {@code from}, pending through processing, unknown through requires_merchant_action.
     */
    private static List<Transition> connectorOperation(Operation operation, PaymentStatus from,
                                                       List<Tuple2<PaymentStatus, String>> approved) {
        List<Transition> t = List.of(
                edge(from, operation, PROCESSING, "pending"),
                edge(from, operation, REQUIRES_MERCHANT_ACTION, "outcome unknown"),
                edge(REQUIRES_MERCHANT_ACTION, operation, PROCESSING, "pending"),
                edge(PROCESSING, operation, REQUIRES_MERCHANT_ACTION, "no answer in time (escalated)"),
                edge(PROCESSING, operation, from, approved.isEmpty() ? "approved or declined" : "declined"),
                edge(REQUIRES_MERCHANT_ACTION, operation, from,
                        approved.isEmpty() ? "approved or declined" : "declined"));
        for (Tuple2<PaymentStatus, String> to : approved) {
            t = t.append(edge(from, operation, to._1, to._2))
                    .append(edge(PROCESSING, operation, to._1, to._2))
                    .append(edge(REQUIRES_MERCHANT_ACTION, operation, to._1, to._2));
        }
        return t;
    }

    private static Transition edge(PaymentStatus from, Operation operation, PaymentStatus to, String when) {
        return new Transition(Option.some(from), operation, to, when);
    }
}
