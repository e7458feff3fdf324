package dev.tender.benchmarks.jmh;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Capture;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Confirm;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.RecordOutcome;
import dev.tender.domain.payment.Refund;
import dev.tender.domain.payment.TransactionId;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;
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

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A manual-capture card payment through create → authorize → capture → refund on the pure domain, two-phase
 * as an embedder runs it: each step begins a pending transaction, then records the connector's approval.
 * Every operation builds its ids and commands from plain values, as a request would, and starts from an
 * immutable payment made in {@link #prepare}, so no invocation sees what an earlier one did.
 * {@code .get()} on a rejection throws, which stops the run: a benchmark that measures a refused command
 * measures nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DomainLifecycleBenchmark {

    static final Money AMOUNT = Money.of(10_00, Currency.USD);
    private static final Set<Capability> CONNECTOR_CAPABILITIES = HashSet.of(Capability.values());
    private static final Instant CREATED = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant AUTHORIZED = CREATED.plusSeconds(1);
    private static final Instant CAPTURED = CREATED.plusSeconds(3600);
    private static final Instant REFUNDED = CREATED.plusSeconds(86_400);

    // not final, so the compiler cannot fold what the commands are made of
    private String paymentId = "pay_7Hq2mZ0c";
    private String merchantId = "merchant_1";
    private String connector = "simulator";
    private Money amount = AMOUNT;

    private Payment created;
    private Payment authorized;
    private Payment captured;

    @Setup
    public void prepare() {
        created = create();
        authorized = authorize(created);
        captured = capture(authorized);
    }

    /** The whole lifecycle of one payment: seven commands, three connector answers recorded. */
    @Benchmark
    public Payment lifecycle() {
        return refund(capture(authorize(create())));
    }

    @Benchmark
    public Payment createOnly() {
        return create();
    }

    @Benchmark
    public Payment authorizeOnly() {
        return authorize(created);
    }

    @Benchmark
    public Payment captureOnly() {
        return capture(authorized);
    }

    @Benchmark
    public Payment refundOnly() {
        return refund(captured);
    }

    private Payment create() {
        PaymentMethod card = new PaymentMethod.Card("visa", "424242", "4242", 12, 2030, Option.none());
        return Payment.create(CreatePayment.of(PaymentId.of(paymentId), MerchantId.of(merchantId), amount,
                CaptureMethod.MANUAL, Option.some(card), CREATED)).get();
    }

    private Payment authorize(Payment payment) {
        TransactionId tx = TransactionId.of("tx_auth_1");
        Payment sent = payment.confirm(new Confirm(tx, Option.none(), connector, CONNECTOR_CAPABILITIES, CREATED))
                .get();
        return sent.recordOutcome(new RecordOutcome(tx, Outcome.Approved.of("psp_auth_1"), AUTHORIZED)).get();
    }

    private Payment capture(Payment payment) {
        TransactionId tx = TransactionId.of("tx_capture_1");
        Payment sent = payment.beginCapture(new Capture(tx, amount, false, CAPTURED)).get();
        return sent.recordOutcome(new RecordOutcome(tx, Outcome.Approved.of("psp_capture_1"), CAPTURED)).get();
    }

    private Payment refund(Payment payment) {
        TransactionId tx = TransactionId.of("tx_refund_1");
        Payment sent = payment.beginRefund(new Refund(tx, amount, Option.some("requested_by_customer"), REFUNDED))
                .get();
        return sent.recordOutcome(new RecordOutcome(tx, Outcome.Approved.of("psp_refund_1"), REFUNDED)).get();
    }
}
