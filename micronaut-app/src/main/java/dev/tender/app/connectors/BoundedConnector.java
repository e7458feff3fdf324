package dev.tender.app.connectors;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;

/**
 * A connector whose answers and webhook events always fit where they are kept ({@link BoundedOutcomes}):
 * the boundary where a processor's text enters Tender, whichever connector, call, sync or webhook brings it.
 */
public final class BoundedConnector implements Connector, WebhookSource {

    private final Connector delegate;

    public BoundedConnector(Connector delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Outcome authorize(ConnectorRequest.Authorize request) {
        return BoundedOutcomes.of(delegate.authorize(request));
    }

    @Override
    public Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize request) {
        return BoundedOutcomes.of(delegate.completeAuthorize(request));
    }

    @Override
    public Outcome capture(ConnectorRequest.Capture request) {
        return BoundedOutcomes.of(delegate.capture(request));
    }

    @Override
    public Outcome voidAuthorization(ConnectorRequest.Void request) {
        return BoundedOutcomes.of(delegate.voidAuthorization(request));
    }

    @Override
    public Outcome reverse(ConnectorRequest.Reverse request) {
        return BoundedOutcomes.of(delegate.reverse(request));
    }

    @Override
    public Outcome refund(ConnectorRequest.Refund request) {
        return BoundedOutcomes.of(delegate.refund(request));
    }

    @Override
    public Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization request) {
        return BoundedOutcomes.of(delegate.incrementAuthorization(request));
    }

    @Override
    public Outcome createOrder(ConnectorRequest.CreateOrder request) {
        return BoundedOutcomes.of(delegate.createOrder(request));
    }

    @Override
    public Outcome setupMandate(ConnectorRequest.SetupMandate request) {
        return BoundedOutcomes.of(delegate.setupMandate(request));
    }

    @Override
    public Outcome sync(ConnectorRequest.Sync request) {
        return BoundedOutcomes.of(delegate.sync(request));
    }

    /** The connector's notifications, bounded; a connector that reads none refuses every delivery. */
    @Override
    public Either<Refused, List<Event>> read(Delivery delivery, ConnectorAccount account) {
        return delegate instanceof WebhookSource source
                ? source.read(delivery, account).map(events -> events.map(BoundedOutcomes::of))
                : Either.left(new Refused("connector " + delegate.name() + " reads no notifications"));
    }
}
