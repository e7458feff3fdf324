package dev.tender.connector.kit;

/**
 * The processor answered, but not in a form the connector understands. {@link ConnectorHttp#exchange}
 * turns it into {@code Unknown}: the processor may have acted.
 */
public final class UnreadableAnswer extends RuntimeException {

    public UnreadableAnswer(String message) {
        super(message);
    }

    public UnreadableAnswer(String message, Throwable cause) {
        super(message, cause);
    }
}
