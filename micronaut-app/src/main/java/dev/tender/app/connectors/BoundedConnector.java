package dev.tender.app.connectors;

import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.util.function.Supplier;

/**
 * A connector whose answers and webhook events always fit where they are kept ({@link BoundedOutcomes}):
 * the boundary where a processor's text enters Tender, whichever connector, call, sync or webhook brings it.
 */
public final class BoundedConnector extends DecoratedConnector {

    public BoundedConnector(Connector delegate) {
        super(delegate);
    }

    @Override
    protected Outcome call(String operation, Supplier<Outcome> call) {
        return BoundedOutcomes.of(call.get());
    }

    @Override
    protected Either<Refused, List<Event>> events(Either<Refused, List<Event>> read) {
        return read.map(events -> events.map(BoundedOutcomes::of));
    }
}
