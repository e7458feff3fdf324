package dev.tender.app.metrics;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.WebhookSource;
import dev.tender.ports.out.ConnectorRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vavr.control.Either;
import io.vavr.collection.Set;

import java.util.function.Supplier;

/**
 * A connector that times every call into {@code tender.connector.calls}, tagged by connector,
 * operation and outcome (approved, declined, pending, requires_action, unknown).
 */
public final class MeteredConnector implements Connector, WebhookSource {

    private final Connector delegate;
    private final MeterRegistry registry;

    public MeteredConnector(Connector delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
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
    public java.time.Duration authorizationWindow() {
        return delegate.authorizationWindow();
    }

    @Override
    public Outcome authorize(ConnectorRequest.Authorize request) {
        return timed("authorize", () -> delegate.authorize(request));
    }

    @Override
    public Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize request) {
        return timed("complete_authorize", () -> delegate.completeAuthorize(request));
    }

    @Override
    public Outcome capture(ConnectorRequest.Capture request) {
        return timed("capture", () -> delegate.capture(request));
    }

    @Override
    public Outcome voidAuthorization(ConnectorRequest.Void request) {
        return timed("void", () -> delegate.voidAuthorization(request));
    }

    @Override
    public Outcome reverse(ConnectorRequest.Reverse request) {
        return timed("reverse", () -> delegate.reverse(request));
    }

    @Override
    public Outcome refund(ConnectorRequest.Refund request) {
        return timed("refund", () -> delegate.refund(request));
    }

    @Override
    public Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization request) {
        return timed("increment_authorization", () -> delegate.incrementAuthorization(request));
    }

    @Override
    public Outcome createOrder(ConnectorRequest.CreateOrder request) {
        return timed("create_order", () -> delegate.createOrder(request));
    }

    @Override
    public Outcome setupMandate(ConnectorRequest.SetupMandate request) {
        return timed("setup_mandate", () -> delegate.setupMandate(request));
    }

    @Override
    public Outcome sync(ConnectorRequest.Sync request) {
        return timed("sync", () -> delegate.sync(request));
    }

    private Outcome timed(String operation, Supplier<Outcome> call) {
        Timer.Sample sample = Timer.start(registry);
        Outcome outcome = null;
        try {
            outcome = call.get();
            return outcome;
        } finally {
            sample.stop(Timer.builder("tender.connector.calls")
                    .description("Calls to payment processors")
                    .tag("connector", delegate.name())
                    .tag("operation", operation)
                    .tag("outcome", outcome == null ? "exception" : kind(outcome))
                    .register(registry));
        }
    }

    /** The connector's notifications, when it reads any; otherwise every delivery is refused. */
    @Override
    public Either<Refused, io.vavr.collection.List<Event>> read(Delivery delivery, ConnectorAccount account) {
        return delegate instanceof WebhookSource source ? source.read(delivery, account)
                : Either.left(new Refused("connector " + delegate.name() + " reads no notifications"));
    }

    static String kind(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Approved a -> "approved";
            case Outcome.Declined d -> "declined";
            case Outcome.Pending p -> "pending";
            case Outcome.RequiresAction r -> "requires_action";
            case Outcome.Unknown u -> "unknown";
        };
    }
}
