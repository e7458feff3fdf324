package dev.tender.benchmarks.jmh;

import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.collection.HashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The simulator has no wire format: its call is the processing itself (idempotency record, processor rules,
 * ledger, ids hashed from the idempotency key). It remembers every call, so each invocation uses a new
 * simulator — else the same key would answer from memory, or new keys would grow it without end — and
 * its creation is part of the figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SimulatorBenchmark {

    private ConnectorAccount account;
    private Money amount;
    private ConnectorRequest.Authorize authorize;

    @Setup
    public void prepare() {
        account = ConnectorCalls.account("acc_simulator_1", SimulatorConnector.NAME, HashMap.empty(), HashMap.empty());
        amount = Money.of(10_00, Currency.USD);
        authorize = ConnectorCalls.authorize(account, amount, "4242424242424242");
    }

    @Benchmark
    public Outcome authorize() {
        return new SimulatorConnector().authorize(authorize);
    }

    /** Authorize, capture and refund in full on a new simulator, which the caller can check the ledger of. */
    @Benchmark
    public SimulatorConnector lifecycle() {
        SimulatorConnector simulator = new SimulatorConnector();
        // a decline is no Approved: the cast fails and stops the run rather than measure a refused call
        String payment = ((Outcome.Approved) simulator.authorize(authorize)).reference().get();
        simulator.capture(ConnectorCalls.capture(account, payment, amount));
        simulator.refund(ConnectorCalls.refund(account, payment, amount));
        return simulator;
    }
}
