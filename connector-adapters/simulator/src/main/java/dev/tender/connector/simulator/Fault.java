package dev.tender.connector.simulator;

/**
 * A failure injected into one call (see {@link Faults}). Each says whether the simulator acted, because
 * that is what the orchestrator must get right.
 */
public enum Fault {
    /** The request never arrived: answers {@code Unknown}; nothing is processed or recorded (a sync says not_found). */
    TIMEOUT_BEFORE_PROCESSING,
    /** Processed and recorded (the ledger moves), then the answer is lost: answers {@code Unknown}. */
    TIMEOUT_AFTER_PROCESSING,
    /** Refused before processing: answers {@code Declined(technical_error)}; nothing is recorded. */
    TECHNICAL_ERROR,
    /**
     * Accepted for processing later: answers {@code Pending}, the ledger holds a pending entry, and the
     * first sync processes it and answers the final outcome. On a sync: answers {@code Pending}, resolves nothing.
     */
    ASYNC_PENDING
}
