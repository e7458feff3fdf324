package dev.tender.application;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A connector a test scripts: per operation, a queue of outcomes answered one per call, then a
 * standing answer (by default {@code Approved} with a fresh reference). Every call is recorded with
 * the request and the answer given; a hook runs on each call before it is answered (to look at the
 * stores mid-call, wait, or throw). Thread-safe.
 */
public final class ScriptedConnector implements Connector {

    public enum Op {
        AUTHORIZE, COMPLETE_AUTHORIZE, CAPTURE, VOID, REVERSE, REFUND, INCREMENT_AUTHORIZATION, CREATE_ORDER,
        SETUP_MANDATE, SYNC
    }

    /** One call: {@code outcome} is empty when the hook threw instead. */
    public record Call(Op op, ConnectorRequest request, Option<Outcome> outcome) {
        public boolean approved() {
            return outcome.exists(Outcome.Approved.class::isInstance);
        }
    }

    private final String name;
    private final Set<Capability> capabilities;
    private final ConcurrentMap<Op, ConcurrentLinkedQueue<Outcome>> queued = new ConcurrentHashMap<>();
    private final ConcurrentMap<Op, Function<ConnectorRequest, Outcome>> standing = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicLong references = new AtomicLong();
    private volatile Consumer<ConnectorRequest> hook = request -> {
    };

    private ScriptedConnector(String name, Set<Capability> capabilities) {
        this.name = name;
        this.capabilities = capabilities;
    }

    public static ScriptedConnector named(String name, Capability... capabilities) {
        return new ScriptedConnector(name, HashSet.of(capabilities));
    }

    public static ScriptedConnector withAllCapabilities(String name) {
        return named(name, Capability.values());
    }

    /** The next calls of {@code op} get these outcomes, one each, in order. */
    public ScriptedConnector answer(Op op, Outcome... outcomes) {
        queued.computeIfAbsent(op, o -> new ConcurrentLinkedQueue<>()).addAll(java.util.List.of(outcomes));
        return this;
    }

    /** Once the queue of {@code op} is empty, every call gets this outcome. */
    public ScriptedConnector always(Op op, Outcome outcome) {
        return always(op, request -> outcome);
    }

    public ScriptedConnector always(Op op, Function<ConnectorRequest, Outcome> answer) {
        standing.put(op, answer);
        return this;
    }

    public ScriptedConnector onCall(Consumer<ConnectorRequest> newHook) {
        this.hook = newHook;
        return this;
    }

    public List<Call> calls() {
        return List.ofAll(calls);
    }

    public List<Call> calls(Op op) {
        return calls().filter(call -> call.op() == op);
    }

    @SuppressWarnings("unchecked")
    public <R extends ConnectorRequest> List<R> requests(Op op) {
        return calls(op).map(call -> (R) call.request());
    }

    public int count(Op op) {
        return calls(op).size();
    }

    // ---------------------------------------------------------------- the SPI

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Outcome authorize(ConnectorRequest.Authorize request) {
        return handle(Op.AUTHORIZE, request);
    }

    @Override
    public Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize request) {
        return handle(Op.COMPLETE_AUTHORIZE, request);
    }

    @Override
    public Outcome capture(ConnectorRequest.Capture request) {
        return handle(Op.CAPTURE, request);
    }

    @Override
    public Outcome voidAuthorization(ConnectorRequest.Void request) {
        return handle(Op.VOID, request);
    }

    @Override
    public Outcome reverse(ConnectorRequest.Reverse request) {
        return handle(Op.REVERSE, request);
    }

    @Override
    public Outcome refund(ConnectorRequest.Refund request) {
        return handle(Op.REFUND, request);
    }

    @Override
    public Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization request) {
        return handle(Op.INCREMENT_AUTHORIZATION, request);
    }

    @Override
    public Outcome createOrder(ConnectorRequest.CreateOrder request) {
        return handle(Op.CREATE_ORDER, request);
    }

    @Override
    public Outcome setupMandate(ConnectorRequest.SetupMandate request) {
        return handle(Op.SETUP_MANDATE, request);
    }

    @Override
    public Outcome sync(ConnectorRequest.Sync request) {
        return handle(Op.SYNC, request);
    }

    private Outcome handle(Op op, ConnectorRequest request) {
        try {
            hook.accept(request);
        } catch (RuntimeException crash) {
            calls.add(new Call(op, request, Option.none()));
            throw crash;
        }
        Outcome outcome = Option.of(queued.get(op)).flatMap(queue -> Option.of(queue.poll()))
                .getOrElse(() -> Option.of(standing.get(op)).map(answer -> answer.apply(request))
                        .getOrElse(() -> Outcome.Approved.of(name + "_ref_" + references.incrementAndGet())));
        calls.add(new Call(op, request, Option.some(outcome)));
        return outcome;
    }
}
