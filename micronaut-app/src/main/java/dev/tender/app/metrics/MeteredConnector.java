package dev.tender.app.metrics;

import dev.tender.app.connectors.DecoratedConnector;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.function.Supplier;

/**
 * A connector that times every call into {@code tender.connector.calls}, tagged by connector,
 * operation and outcome (approved, declined, pending, requires_action, unknown).
 */
public final class MeteredConnector extends DecoratedConnector {

    private final MeterRegistry registry;

    public MeteredConnector(Connector delegate, MeterRegistry registry) {
        super(delegate);
        this.registry = registry;
    }

    @Override
    protected Outcome call(String operation, Supplier<Outcome> call) {
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
