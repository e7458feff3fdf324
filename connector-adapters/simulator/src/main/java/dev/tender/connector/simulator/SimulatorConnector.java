package dev.tender.connector.simulator;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.WebhookSource;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A deterministic in-process payment processor behind the {@link Connector} SPI, named "simulator".
 * It implements every operation and, by default, every {@link Capability}.
 *
 * <p><b>Cards.</b> {@link TestCards} drive it: the well-known test numbers approve (Visa 4242424242424242
 * and 4111111111111111, Mastercard 5555555555554444, Amex 378282246310005, Discover 6011111111111117)
 * or decline with a unified code (4000000000000002 card_declined, 4000000000009995 insufficient_funds,
 * 4000000000009987 lost_card, 4000000000009979 stolen_card, 4000000000000069 expired_card,
 * 4000000000000127 incorrect_cvc, 4000000000000119 processing_error, 4100000000000019 fraud_suspected,
 * 4000000000000341 mandate setup passes, charges card_declined); 4000000000003063 asks for a 3DS challenge
 * ({@code RequiresAction} to a fake ACS; {@code completeAuthorize} with parameter {@code result=success}
 * approves, anything else declines authentication_failed; the payment is named by the simulator's id or
 * found by the context's payment and transaction ids); the simulator's own 4000000000000200 answers
 * {@code Pending} until a sync approves it, and 4000000000000408 is approved but answers {@code Unknown}.
 * <b>Any other number</b> is approved when its Luhn check digit is right and declined invalid_request
 * when not. A zero-amount mandate setup is refused only by cards that refuse everything (lost, stolen,
 * generic decline, …), not by 9995 or 0341; a merchant-initiated charge of a mandate is never challenged.
 * Other payment methods ({@code PaymentMethodData.Other}) are approved.
 *
 * <p><b>Processor rules.</b> Strict: a capture up to what is capturable (one for {@code manual}, several
 * until a final one for {@code manual_multiple}), a void of exactly what is not captured, a reverse of
 * exactly what is captured and only without refunds, refunds up to what is captured, an increment only
 * before any capture; anything else is {@code Declined(invalid_request)}, an unknown payment
 * {@code Declined(not_found)}. An operation outside {@link #capabilities()} is {@code Declined(not_supported)}.
 *
 * <p><b>Idempotency.</b> Calls are remembered per account, operation and idempotency key: the same key
 * answers the first answer again without acting (the real answer when the first was lost to a timeout);
 * the same key with a different request is {@code Declined(invalid_request)}. Ids derive from the key.
 *
 * <p><b>Faults and latency.</b> Each call sleeps {@code latency} (default none), then meets the
 * {@link #faults()} injected for it ({@link Fault}). <b>Sync</b> answers what the simulator did for the
 * call with that key and kind — processing it first if it was pending — or {@code Declined(not_found)}
 * if it never received it; a fault on a sync never answers a decline (its technical error is
 * {@code Unknown}), because a decline would be read as the transaction's.
 *
 * <p>The {@link #ledger()} records the money really moved. Thread-safe; the simulated processor's
 * state is its only state.
 */
public final class SimulatorConnector implements Connector, WebhookSource {

    public static final String NAME = "simulator";

    private final String name;
    private final Set<Capability> capabilities;
    private final Duration latency;
    private final Duration authorizationWindow;
    private final Faults faults = new Faults();
    private final Ledger ledger;
    private final Simulation simulation;

    /** Named "simulator", every capability, no latency. */
    public SimulatorConnector() {
        this(builder());
    }

    private SimulatorConnector(Builder builder) {
        this.name = builder.name;
        this.capabilities = builder.capabilities;
        this.latency = builder.latency;
        this.authorizationWindow = builder.authorizationWindow;
        this.ledger = new Ledger(builder.memory);
        this.simulation = new Simulation(ledger, builder.memory);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** As built ({@link Builder#authorizationWindow}); 7 days unless set. */
    @Override
    public Duration authorizationWindow() {
        return authorizationWindow;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Faults faults() {
        return faults;
    }

    private static final SimulatorWebhooks WEBHOOKS = new SimulatorWebhooks();

    /** Its notifications ({@link SimulatorWebhooks}): signed with the account's {@code webhook_secret}. */
    @Override
    public Either<Refused, io.vavr.collection.List<Event>> read(Delivery delivery, ConnectorAccount account) {
        return WEBHOOKS.read(delivery, account);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Outcome authorize(ConnectorRequest.Authorize r) {
        List<Capability> needs = List.<Capability>empty()
                .appendAll(r.captureMethod() == CaptureMethod.MANUAL ? List.of(Capability.MANUAL_CAPTURE) : List.empty())
                .appendAll(r.captureMethod() == CaptureMethod.MANUAL_MULTIPLE
                        ? List.of(Capability.MANUAL_CAPTURE, Capability.MULTIPLE_CAPTURE) : List.empty())
                .appendAll(r.storeForFutureUse() || r.method() instanceof PaymentMethodData.StoredMandate
                        ? List.of(Capability.MANDATES) : List.empty())
                .appendAll(r.orderReference().isDefined() ? List.of(Capability.ORDERS) : List.empty());
        String fingerprint = r.amount() + "|" + r.captureMethod() + "|" + fingerprintOf(r.method()) + "|"
                + r.orderReference() + "|" + r.storeForFutureUse();
        String mandate = SimulatorIds.derive("mandate", r.context().account().id(), Op.AUTHORIZE,
                r.context().idempotencyKey());
        return call(r, Op.AUTHORIZE, needs, fingerprint, id -> simulation.processor()
                .authorize(r, id, Option.some(mandate), capabilities.contains(Capability.THREE_DS)));
    }

    @Override
    public Outcome completeAuthorize(ConnectorRequest.CompleteAuthorize r) {
        return call(r, Op.COMPLETE_AUTHORIZE, List.of(Capability.THREE_DS),
                r.connectorTransactionId() + "|" + r.parameters(), id -> simulation.processor().completeAuthorize(r));
    }

    @Override
    public Outcome capture(ConnectorRequest.Capture r) {
        return call(r, Op.CAPTURE, List.of(Capability.MANUAL_CAPTURE),
                r.connectorTransactionId() + "|" + r.amount() + "|" + r.finalCapture(),
                id -> simulation.processor().capture(r, id));
    }

    @Override
    public Outcome voidAuthorization(ConnectorRequest.Void r) {
        return call(r, Op.VOID, List.empty(), r.connectorTransactionId() + "|" + r.amount(),
                id -> simulation.processor().voidAuthorization(r, id));
    }

    @Override
    public Outcome reverse(ConnectorRequest.Reverse r) {
        return call(r, Op.REVERSE, List.of(Capability.REVERSE), r.connectorTransactionId() + "|" + r.amount(),
                id -> simulation.processor().reverse(r, id));
    }

    @Override
    public Outcome refund(ConnectorRequest.Refund r) {
        return call(r, Op.REFUND, List.empty(), r.connectorTransactionId() + "|" + r.amount(),
                id -> simulation.processor().refund(r, id));
    }

    @Override
    public Outcome incrementAuthorization(ConnectorRequest.IncrementAuthorization r) {
        return call(r, Op.INCREMENT, List.of(Capability.INCREMENTAL_AUTHORIZATION),
                r.connectorTransactionId() + "|" + r.newTotal(), id -> simulation.processor().incrementAuthorization(r, id));
    }

    @Override
    public Outcome createOrder(ConnectorRequest.CreateOrder r) {
        return call(r, Op.CREATE_ORDER, List.of(Capability.ORDERS), r.amount().toString(),
                id -> simulation.processor().createOrder(r, id));
    }

    @Override
    public Outcome setupMandate(ConnectorRequest.SetupMandate r) {
        String mandate = SimulatorIds.derive("mandate", r.context().account().id(), Op.SETUP_MANDATE,
                r.context().idempotencyKey());
        return call(r, Op.SETUP_MANDATE, List.of(Capability.MANDATES),
                fingerprintOf(r.method()) + "|" + r.customerId() + "|" + r.currency(),
                id -> simulation.processor().setupMandate(r, id, mandate));
    }

    @Override
    public Outcome sync(ConnectorRequest.Sync r) {
        try {
            if (!pause()) {
                return new Outcome.Unknown("interrupted before the sync was processed");
            }
            Option<Fault> fault = faults.take(r);
            if (fault.isEmpty()) {
                return simulation.sync(r);
            }
            return switch (fault.get()) {
                case TIMEOUT_BEFORE_PROCESSING -> new Outcome.Unknown("simulated timeout: the sync never arrived");
                case TECHNICAL_ERROR -> new Outcome.Unknown("simulated technical error: the sync was not processed");
                case ASYNC_PENDING -> Outcome.Pending.of();
                case TIMEOUT_AFTER_PROCESSING -> {
                    simulation.sync(r);
                    yield new Outcome.Unknown("simulated timeout: the sync's answer was lost");
                }
            };
        } catch (RuntimeException bug) {
            return new Outcome.Unknown("simulator failure (" + bug.getClass().getSimpleName() + ")");
        }
    }

    /** Latency, capabilities, faults, then the processor under idempotency. Never throws. */
    private Outcome call(ConnectorRequest request, Op op, List<Capability> needs, String fingerprint,
                         Function<String, Processed> work) {
        try {
            if (!pause()) {
                return new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR, "interrupted before processing");
            }
            Option<Capability> missing = needs.find(c -> !capabilities.contains(c));
            if (missing.isDefined()) {
                return new Outcome.Declined(DeclineCodes.NOT_SUPPORTED,
                        name + " is configured without " + missing.get());
            }
            Option<Fault> fault = faults.take(request);
            if (fault.contains(Fault.TIMEOUT_BEFORE_PROCESSING)) {
                return new Outcome.Unknown("simulated timeout: the request never arrived");
            }
            if (fault.contains(Fault.TECHNICAL_ERROR)) {
                return new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR,
                        "simulated technical error: refused before processing");
            }
            String id = op.id(request.context().account().id(), request.context().idempotencyKey());
            Simulation.Answer answer = simulation.handle(op, request, id, fingerprint,
                    fault.contains(Fault.ASYNC_PENDING), () -> work.apply(id));
            if (fault.contains(Fault.TIMEOUT_AFTER_PROCESSING) || answer.lost()) {
                return new Outcome.Unknown("simulated timeout: processed, the answer was lost");
            }
            return answer.outcome();
        } catch (RuntimeException bug) {
            return new Outcome.Unknown("simulator failure (" + bug.getClass().getSimpleName() + ")");
        }
    }

    /** False when interrupted while sleeping: nothing has been done yet. */
    private boolean pause() {
        if (latency.isZero()) {
            return true;
        }
        try {
            Thread.sleep(latency);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What tells two requests apart without keeping the card number: brand, BIN, last four, expiry. */
    private static String fingerprintOf(PaymentMethodData method) {
        return method instanceof PaymentMethodData.StoredMandate stored ? "mandate:" + stored.connectorMandateReference()
                : method.summary().toString();
    }

    public static final class Builder {

        private String name = NAME;
        private Set<Capability> capabilities = HashSet.of(Capability.values());
        private Duration latency = Duration.ZERO;
        private int memory = Integer.MAX_VALUE;
        private Duration authorizationWindow = Connector.DEFAULT_AUTHORIZATION_WINDOW;

        private Builder() {
        }

        /** Another name, to run two simulators as two connectors (routing fall-back). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Fewer capabilities, to play a processor that lacks some: their operations answer not_supported. */
        public Builder capabilities(Set<Capability> capabilities) {
            this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
            return this;
        }

        public Builder capabilities(Capability... capabilities) {
            return capabilities(HashSet.of(capabilities));
        }

        /** How long it holds an authorization nobody captures: positive, whole seconds. */
        public Builder authorizationWindow(Duration window) {
            if (window.isNegative() || window.isZero() || window.getNano() != 0) {
                throw new IllegalArgumentException("an authorization window is positive whole seconds: " + window);
            }
            this.authorizationWindow = window;
            return this;
        }

        /** Slept by every call before it is processed. */
        public Builder latency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative: " + latency);
            }
            this.latency = latency;
            return this;
        }

        /**
         * At most this many calls, payments and ledger entries remembered, the oldest forgotten first (default:
         * all). A long-running process bounds it; a forgotten call or payment is then answered as one the
         * simulator never saw (a sync finds nothing, a capture of it is declined).
         */
        public Builder memory(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("memory must be at least 1: " + limit);
            }
            this.memory = limit;
            return this;
        }

        public SimulatorConnector build() {
            return new SimulatorConnector(this);
        }
    }
}
