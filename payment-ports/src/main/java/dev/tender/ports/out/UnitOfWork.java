package dev.tender.ports.out;

import java.util.function.Supplier;

/**
 * Runs storage work as one unit: a saved payment change, the reconciler's task for its open transaction,
 * its refund record and its outbox events are kept together or not at all, so a crash between them cannot
 * leave a pending transaction the reconciler will never look at, or an event for a change that was not
 * saved. The work's storage calls join the unit; a unit inside a unit is part of the outer one.
 *
 * <p>A storage adapter over a database runs the unit in one database transaction, committed when the
 * work returns and rolled back when it throws. A conflict a port answers as a value (a stale version, a
 * duplicate id) does not throw, and leaves the unit usable. {@link #direct()} runs the work as it is,
 * for adapters with nothing to commit (the in-memory ones, which keep nothing across a crash anyway).
 */
@FunctionalInterface
public interface UnitOfWork {

    <T> T run(Supplier<T> work);

    /** No unit: each storage call stands alone. */
    static UnitOfWork direct() {
        return Supplier::get;
    }
}
