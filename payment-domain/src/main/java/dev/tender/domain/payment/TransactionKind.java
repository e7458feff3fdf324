package dev.tender.domain.payment;

import java.util.Locale;

/** An operation sent to a connector. */
public enum TransactionKind {
    ORDER(Operation.CREATE_ORDER),
    AUTHORIZE(Operation.CONFIRM),
    SETUP_MANDATE(Operation.CONFIRM),
    CAPTURE(Operation.CAPTURE),
    VOID(Operation.VOID),
    REVERSE(Operation.REVERSE),
    INCREMENT(Operation.INCREMENT_AUTHORIZATION),
    REFUND(Operation.REFUND);

    private final Operation operation;

    TransactionKind(Operation operation) {
        this.operation = operation;
    }

    /** The operation of the transition table whose outcomes this transaction records. */
    public Operation operation() {
        return operation;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
