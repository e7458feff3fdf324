package dev.tender.connector.simulator;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.TransactionKind;

import java.util.Objects;

/**
 * One line of the {@link Ledger}: {@code amount} of {@code kind} on the payment
 * {@code connectorTransactionId}, by the call whose processor id is {@code reference} (the capture's,
 * the refund's, the authorization's own).
 */
public record LedgerEntry(long sequence, String connectorTransactionId, TransactionKind kind, Money amount,
                          Status status, String reference) {

    public enum Status {
        /** Accepted and not processed yet: no money moved. */
        PENDING,
        /** Money moved. */
        SUCCEEDED,
        /** A pending call that ended declined: no money moved. */
        FAILED
    }

    public LedgerEntry {
        Objects.requireNonNull(connectorTransactionId, "connectorTransactionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reference, "reference");
    }
}
