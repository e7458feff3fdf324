package dev.tender.connector.simulator;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.TransactionKind;

/** Money a call moves (or, while pending, would move): what becomes a {@link LedgerEntry}. */
record Movement(String connectorTransactionId, TransactionKind kind, Money amount, String reference) {
}
