package dev.tender.app.http;

/**
 * Logging an unexpected failure without what it may quote: exception messages can carry request data
 * (a card number in a parser's message, say), so the log gets each exception's class and stack trace only.
 */
public final class Failures {

    private static final int MAX_CAUSES = 10;

    private Failures() {
    }

    /** A copy of the chain of causes with their classes and stack traces, and no messages. */
    public static Throwable withoutMessages(Throwable failure) {
        return copy(failure, 0);
    }

    private static Throwable copy(Throwable failure, int depth) {
        Throwable cause = failure.getCause() == null || failure.getCause() == failure || depth >= MAX_CAUSES
                ? null : copy(failure.getCause(), depth + 1);
        Throwable copy = new Sanitized(failure.getClass().getName(), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Stands for an exception of the named class; its message was left out. */
    static final class Sanitized extends RuntimeException {
        Sanitized(String exceptionClass, Throwable cause) {
            super(exceptionClass + " (message not logged)", cause, false, true);
        }
    }
}
