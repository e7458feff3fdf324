package dev.tender.connector.simulator;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.TransactionKind;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.HashSet;
import java.util.Set;

/**
 * The money the simulator really moved, per payment (connector transaction id): an append-only list
 * of entries and the balances they add up to. A test compares the orchestrator's view of a payment
 * with {@link #balance}; declined calls move nothing and leave no entry. Thread-safe.
 */
public final class Ledger {

    private final java.util.ArrayDeque<LedgerEntry> entries = new java.util.ArrayDeque<>();
    private final Set<String> open = new HashSet<>();
    private final int limit;
    private long appended;

    /** Keeps every entry. */
    public Ledger() {
        this(Integer.MAX_VALUE);
    }

    /** Keeps the newest {@code limit} entries. */
    Ledger(int limit) {
        this.limit = limit;
    }

    /** What moved on the payment; empty if the simulator never recorded anything for it. */
    public synchronized Option<Balance> balance(String connectorTransactionId) {
        List<LedgerEntry> mine = entries(connectorTransactionId);
        if (mine.isEmpty()) {
            return Option.none();
        }
        Money zero = Money.zero(mine.head().amount().currency());
        List<LedgerEntry> moved = mine.filter(e -> e.status() == LedgerEntry.Status.SUCCEEDED);
        return Option.some(new Balance(connectorTransactionId,
                sum(moved, zero, TransactionKind.AUTHORIZE, TransactionKind.INCREMENT),
                sum(moved, zero, TransactionKind.CAPTURE), sum(moved, zero, TransactionKind.REFUND),
                sum(moved, zero, TransactionKind.VOID), sum(moved, zero, TransactionKind.REVERSE)));
    }

    public synchronized List<LedgerEntry> entries() {
        return List.ofAll(entries);
    }

    public synchronized List<LedgerEntry> entries(String connectorTransactionId) {
        return List.ofAll(entries).filter(e -> e.connectorTransactionId().equals(connectorTransactionId));
    }

    /** Calls accepted as pending that no sync has resolved yet. */
    public synchronized List<LedgerEntry> pending() {
        return List.ofAll(entries).filter(e -> e.status() == LedgerEntry.Status.PENDING && open.contains(e.reference()));
    }

    synchronized void moved(List<Movement> movements) {
        movements.forEach(m -> append(m, LedgerEntry.Status.SUCCEEDED));
    }

    synchronized void pending(Movement intended) {
        append(intended, LedgerEntry.Status.PENDING);
        open.add(intended.reference());
    }

    /** A pending call was processed: what it moved, or a failed line if it ended declined. */
    synchronized void resolved(Movement intended, boolean declined, List<Movement> movements) {
        open.remove(intended.reference());
        if (declined) {
            append(intended, LedgerEntry.Status.FAILED);
        }
        moved(movements);
    }

    private void append(Movement m, LedgerEntry.Status status) {
        entries.addLast(new LedgerEntry(++appended, m.connectorTransactionId(), m.kind(), m.amount(), status,
                m.reference()));
        if (entries.size() > limit) {
            entries.removeFirst();
        }
    }

    private static Money sum(List<LedgerEntry> moved, Money zero, TransactionKind... kinds) {
        List<TransactionKind> wanted = List.of(kinds);
        return moved.filter(e -> wanted.contains(e.kind())).map(LedgerEntry::amount).foldLeft(zero, Money::plus);
    }
}
