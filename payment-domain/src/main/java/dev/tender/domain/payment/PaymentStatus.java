package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Locale;

/** The payment's status, named as Hyperswitch's {@code IntentStatus} on the wire. */
public enum PaymentStatus {
    REQUIRES_PAYMENT_METHOD(false),
    REQUIRES_CONFIRMATION(false),
    REQUIRES_CUSTOMER_ACTION(false),
    PROCESSING(false),
    REQUIRES_CAPTURE(false),
    PARTIALLY_CAPTURED_AND_CAPTURABLE(false),
    PARTIALLY_CAPTURED(true),
    SUCCEEDED(true),
    FAILED(true),
    CANCELLED(true),
    CANCELLED_POST_CAPTURE(true),
    /** A connector operation's outcome is unknown (timeout, crash, unreadable answer) until reconciled. */
    REQUIRES_MERCHANT_ACTION(false),
    EXPIRED(true);

    private final boolean terminal;

    PaymentStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /**
     * Terminal statuses take no further authorization or capture; the transition table still allows
     * refunds on {@code succeeded} and {@code partially_captured}, and a reversal before settlement.
     */
    public boolean isTerminal() {
        return terminal;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Option<PaymentStatus> fromWireName(String wireName) {
        return List.of(values()).find(s -> s.wireName().equals(wireName));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
