package dev.tender.benchmarks.chaos;

/**
 * What the fake processor does to one call instead of answering it plainly. "Before work" faults move no
 * money; "after work" ones moved it and lose or spoil the answer, which is what reconciliation must find.
 */
enum Fault {
    NONE,
    /** A 500 before anything is done, saved for the idempotency key as Stripe saves its 500s. */
    ERROR_BEFORE_WORK,
    /** The work is done, then a 500 is answered and saved for the key: every retry replays the 500. */
    ERROR_AFTER_WORK,
    /** The connection is closed before the request is read: nothing done, nothing saved. */
    RESET_BEFORE_WORK,
    /** The work is done and its answer saved for the key, then the connection is closed without it. */
    RESET_AFTER_WORK,
    /** No answer past the client's read timeout; the work is done after the wait (to nobody). */
    HANG,
    /** A slow answer, within the read timeout. */
    SLOW
}
