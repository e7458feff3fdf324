package dev.tender.flows;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.collection.List;
import io.vavr.collection.Set;

import java.util.concurrent.CopyOnWriteArrayList;

/** A connector passed through unchanged, keeping every request: to see what Tender sent the processor. */
final class RecordingConnector implements Connector {

    private final Connector processor;
    private final java.util.List<ConnectorRequest> requests = new CopyOnWriteArrayList<>();

    RecordingConnector(Connector processor) {
        this.processor = processor;
    }

    /** The requests of one operation, in the order they were sent. */
    <R extends ConnectorRequest> List<R> sent(Class<R> operation) {
        return List.ofAll(requests).filter(operation::isInstance).map(operation::cast);
    }

    private <R extends ConnectorRequest> R keep(R request) {
        requests.add(request);
        return request;
    }

    @Override
    public String name() {
        return processor.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return processor.capabilities();
    }

    @Override
    public Outcome authorize(ConnectorRequest.Authorize request) {
        return processor.authorize(keep(request));
    }

    @Override
    public Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize request) {
        return processor.completeAuthorize(keep(request));
    }

    @Override
    public Outcome capture(ConnectorRequest.Capture request) {
        return processor.capture(keep(request));
    }

    @Override
    public Outcome voidAuthorization(ConnectorRequest.Void request) {
        return processor.voidAuthorization(keep(request));
    }

    @Override
    public Outcome reverse(ConnectorRequest.Reverse request) {
        return processor.reverse(keep(request));
    }

    @Override
    public Outcome refund(ConnectorRequest.Refund request) {
        return processor.refund(keep(request));
    }

    @Override
    public Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization request) {
        return processor.incrementAuthorization(keep(request));
    }

    @Override
    public Outcome createOrder(ConnectorRequest.CreateOrder request) {
        return processor.createOrder(keep(request));
    }

    @Override
    public Outcome setupMandate(ConnectorRequest.SetupMandate request) {
        return processor.setupMandate(keep(request));
    }

    @Override
    public Outcome sync(ConnectorRequest.Sync request) {
        return processor.sync(keep(request));
    }
}
