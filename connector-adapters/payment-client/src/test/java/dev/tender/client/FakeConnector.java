package dev.tender.client;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A connector that records what it is sent and answers what the test says. */
final class FakeConnector implements Connector {

    private final List<ConnectorRequest> requests = new ArrayList<>();
    private Function<ConnectorRequest, Outcome> answer = request -> Outcome.Approved.of("psp_1");

    FakeConnector answering(Outcome outcome) {
        this.answer = request -> outcome;
        return this;
    }

    FakeConnector answeringBy(Function<ConnectorRequest, Outcome> answer) {
        this.answer = answer;
        return this;
    }

    FakeConnector throwing(RuntimeException failure) {
        this.answer = request -> {
            throw failure;
        };
        return this;
    }

    /** The one request sent so far. */
    ConnectorRequest onlyRequest() {
        assertThat(requests).as("requests sent to the connector").hasSize(1);
        return requests.get(0);
    }

    List<ConnectorRequest> requests() {
        return List.copyOf(requests);
    }

    private Outcome answer(ConnectorRequest request) {
        requests.add(request);
        return answer.apply(request);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Set<Capability> capabilities() {
        return HashSet.of(Capability.MANUAL_CAPTURE, Capability.THREE_DS);
    }

    @Override
    public Outcome authorize(ConnectorRequest.Authorize request) {
        return answer(request);
    }

    @Override
    public Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize request) {
        return answer(request);
    }

    @Override
    public Outcome capture(ConnectorRequest.Capture request) {
        return answer(request);
    }

    @Override
    public Outcome voidAuthorization(ConnectorRequest.Void request) {
        return answer(request);
    }

    @Override
    public Outcome reverse(ConnectorRequest.Reverse request) {
        return answer(request);
    }

    @Override
    public Outcome refund(ConnectorRequest.Refund request) {
        return answer(request);
    }

    @Override
    public Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization request) {
        return answer(request);
    }

    @Override
    public Outcome createOrder(ConnectorRequest.CreateOrder request) {
        return answer(request);
    }

    @Override
    public Outcome setupMandate(ConnectorRequest.SetupMandate request) {
        return answer(request);
    }

    @Override
    public Outcome sync(ConnectorRequest.Sync request) {
        return answer(request);
    }
}
