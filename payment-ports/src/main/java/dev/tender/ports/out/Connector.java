package dev.tender.ports.out;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Outcome;
import io.vavr.collection.Set;

import java.time.Duration;

/**
 * The SPI a payment processor's adapter implements. One method per operation; each returns the
 * domain's {@link Outcome}: {@code Approved}, {@code Declined} (with a code of {@link DeclineCodes}),
 * {@code Pending}, {@code RequiresAction} (authorize only) or {@code Unknown}.
 *
 * <p>Rules every implementation follows (the conformance kit checks them):
 * <ul>
 *   <li>never throw for a processor's answer or a transport failure: a timeout, a 5xx, an unreadable
 *       body is {@code Unknown}; a refusal is {@code Declined} with a unified code;</li>
 *   <li>send {@link CallContext#idempotencyKey()} to the processor, so the same call twice moves money once;</li>
 *   <li>return {@code Declined} with {@link DeclineCodes#TECHNICAL_ERROR} only when the processor
 *       certainly did not act (nothing sent, or refused before processing): the caller may then try
 *       another connector;</li>
 *   <li>keep processor types inside the adapter; stateless and thread-safe.</li>
 * </ul>
 * An operation outside {@link #capabilities()} answers {@code Declined(not_supported)}.
 */
public interface Connector {

    /** The name accounts refer to: "simulator", "stripe", "adyen". */
    String name();

    Set<Capability> capabilities();

    /** What {@link #authorizationWindow()} answers unless a connector says otherwise: the card schemes' usual week. */
    Duration DEFAULT_AUTHORIZATION_WINDOW = Duration.ofDays(7);

    /**
     * How long the processor holds an authorization nobody captures before it voids it on its own: Tender
     * expires the payment then (voiding it here first). Whole seconds, positive. A connector account may
     * set another window ({@code authorization_window} in its settings, see docs/connectors.md).
     */
    default Duration authorizationWindow() {
        return DEFAULT_AUTHORIZATION_WINDOW;
    }

    Outcome authorize(ConnectorRequest.Authorize request);

    Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize request);

    Outcome capture(ConnectorRequest.Capture request);

    Outcome voidAuthorization(ConnectorRequest.Void request);

    Outcome reverse(ConnectorRequest.Reverse request);

    Outcome refund(ConnectorRequest.Refund request);

    Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization request);

    Outcome createOrder(ConnectorRequest.CreateOrder request);

    Outcome setupMandate(ConnectorRequest.SetupMandate request);

    /**
     * What the processor now says about an earlier call: the reconciler's and force-sync's source.
     * A sync that cannot reach the processor, or cannot read its answer, answers {@code Unknown} (no
     * information), never {@code Declined}: a decline here means the original call was declined, and
     * {@code Declined(not_found)} that the processor never received it.
     */
    Outcome sync(ConnectorRequest.Sync request);
}
