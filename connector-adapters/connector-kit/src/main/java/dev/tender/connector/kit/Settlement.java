package dev.tender.connector.kit;

import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.WebhookSource;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * How the outcome of a modification (capture, void, reverse, refund, increment) or a sync becomes final
 * at the processor under test; {@link ConnectorConformanceTest#settlement()} chooses. Not card settlement:
 * the moment a call's outcome is known.
 *
 * <ul>
 *   <li>{@link #immediate()}: the call's answer is final. Every connector whose processor answers at once.</li>
 *   <li>{@link #byNotification(Notifications)}: the processor only acknowledges the call, and its signed
 *   notification says later how it went (Adyen). The connector must be a {@link WebhookSource}.</li>
 * </ul>
 */
public sealed interface Settlement {

    static Settlement immediate() {
        return new Immediate();
    }

    static Settlement byNotification(Notifications notifications) {
        return new ByNotification(notifications);
    }

    record Immediate() implements Settlement {
    }

    record ByNotification(Notifications notifications) implements Settlement {
        public ByNotification {
            Objects.requireNonNull(notifications, "notifications");
        }
    }

    /** The processor's side of a notification: what its fake sends about one call. */
    @FunctionalInterface
    interface Notifications {

        /**
         * The signed delivery the processor sends about the call made under {@code call}, for what its fake
         * decided (approved or refused, with the amounts): as the processor would post it, so the connector's
         * {@link WebhookSource#read} verifies it. {@code none} when the processor sends nothing about the
         * call: it refused the call outright, or never received it. Asked again about the same call, it
         * sends the same notification, as a processor re-delivers one.
         */
        Option<WebhookSource.Delivery> about(CallContext call);
    }
}
