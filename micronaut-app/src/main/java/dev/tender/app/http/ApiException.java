package dev.tender.app.http;

/**
 * An API error with its HTTP status and Hyperswitch code, thrown by the controllers and turned into
 * {@link ErrorResponse} by {@link ApiExceptionHandler}. {@code executed} says whether the request reached
 * a use case: an error found before that (malformed body, invalid fields) or a lost race changed nothing,
 * so its Idempotency-Key is released instead of keeping the error for replay.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final boolean executed;

    public ApiException(int status, String code, String message, boolean executed) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.executed = executed;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean executed() {
        return executed;
    }

    public ErrorResponse body() {
        return ErrorResponse.of(status, code, getMessage());
    }
}
