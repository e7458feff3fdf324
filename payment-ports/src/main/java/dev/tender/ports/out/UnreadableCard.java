package dev.tender.ports.out;

/**
 * A saved card the vault holds but cannot open: its key is not configured, or its stored value was changed or
 * moved from another record. The vault fails closed: no card, and a message that never quotes the value.
 */
public final class UnreadableCard extends IllegalStateException {

    public UnreadableCard(String message) {
        super(message);
    }
}
