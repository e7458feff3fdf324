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

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A connector wrapped by the service (metered, bounded): everything it declares is the wrapped
 * connector's, every call passes through {@link #call} under the operation's name, and its notifications
 * through {@link #events}. One place forwards the SPI, so a new method of it cannot be forgotten by one
 * wrapper and silently answered by the interface's default instead of the connector.
 */
public abstract class DecoratedConnector implements Connector, WebhookSource {

    protected final Connector delegate;

    protected DecoratedConnector(Connector delegate) {
        this.delegate = delegate;
    }

    /** Runs one call of the wrapped connector; {@code operation} is its name in metrics and logs. */
    protected abstract Outcome call(String operation, Supplier<Outcome> call);

    /** The wrapped connector's reading of a notification, as this wrapper passes it on. */
    protected Either<Refused, List<Event>> events(Either<Refused, List<Event>> read) {
        return read;
    }

    @Override
    public final String name() {
        return delegate.name();
    }

    @Override
    public final Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public final Duration authorizationWindow() {
        return delegate.authorizationWindow();
    }

    @Override
    public final Outcome authorize(ConnectorRequest.Authorize request) {
        return call("authorize", () -> delegate.authorize(request));
    }

    @Override
    public final Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize request) {
        return call("complete_authorize", () -> delegate.completeAuthorize(request));
    }

    @Override
    public final Outcome capture(ConnectorRequest.Capture request) {
        return call("capture", () -> delegate.capture(request));
    }

    @Override
    public final Outcome voidAuthorization(ConnectorRequest.Void request) {
        return call("void", () -> delegate.voidAuthorization(request));
    }

    @Override
    public final Outcome reverse(ConnectorRequest.Reverse request) {
        return call("reverse", () -> delegate.reverse(request));
    }

    @Override
    public final Outcome refund(ConnectorRequest.Refund request) {
        return call("refund", () -> delegate.refund(request));
    }

    @Override
    public final Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization request) {
        return call("increment_authorization", () -> delegate.incrementAuthorization(request));
    }

    @Override
    public final Outcome createOrder(ConnectorRequest.CreateOrder request) {
        return call("create_order", () -> delegate.createOrder(request));
    }

    @Override
    public final Outcome setupMandate(ConnectorRequest.SetupMandate request) {
        return call("setup_mandate", () -> delegate.setupMandate(request));
    }

    @Override
    public final Outcome sync(ConnectorRequest.Sync request) {
        return call("sync", () -> delegate.sync(request));
    }

    /** The connector's notifications, when it reads any; otherwise every delivery is refused. */
    @Override
    public final Either<Refused, List<Event>> read(Delivery delivery, ConnectorAccount account) {
        return delegate instanceof WebhookSource source ? events(source.read(delivery, account))
                : Either.left(new Refused("connector " + delegate.name() + " reads no notifications"));
    }
}
