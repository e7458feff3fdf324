package dev.tender.connector.simulator;

import dev.tender.domain.payment.TransactionKind;
import io.vavr.collection.List;

/** The simulator's operations: each scopes its own idempotency keys and names its ids. */
enum Op {
    AUTHORIZE("pay"),
    COMPLETE_AUTHORIZE("auth"),
    CAPTURE("cap"),
    VOID("void"),
    REVERSE("rev"),
    REFUND("ref"),
    INCREMENT("inc"),
    CREATE_ORDER("ord"),
    SETUP_MANDATE("seti");

    private final String prefix;

    Op(String prefix) {
        this.prefix = prefix;
    }

    String id(String accountId, String idempotencyKey) {
        return SimulatorIds.derive(prefix, accountId, this, idempotencyKey);
    }

    /**
     * The calls a sync of {@code kind} may be about. A zero-amount authorization may have been sent as
     * either an authorize or a mandate setup, so those two look at each other.
     */
    static List<Op> syncedBy(TransactionKind kind) {
        return switch (kind) {
            case AUTHORIZE -> List.of(AUTHORIZE, SETUP_MANDATE);
            case SETUP_MANDATE -> List.of(SETUP_MANDATE, AUTHORIZE);
            case CAPTURE -> List.of(CAPTURE);
            case VOID -> List.of(VOID);
            case REVERSE -> List.of(REVERSE);
            case REFUND -> List.of(REFUND);
            case INCREMENT -> List.of(INCREMENT);
            case ORDER -> List.of(CREATE_ORDER);
        };
    }
}
