package dev.tender.application;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.inmemory.ConnectorRegistry;
import dev.tender.inmemory.DerivedRedirectSecrets;
import dev.tender.inmemory.InMemoryConnectorAccounts;
import dev.tender.inmemory.InMemoryIdempotencyKeys;
import dev.tender.inmemory.InMemoryMandates;
import dev.tender.inmemory.InMemoryOutbox;
import dev.tender.inmemory.InMemoryPayments;
import dev.tender.inmemory.InMemoryReconciliations;
import dev.tender.inmemory.InMemoryRefunds;
import dev.tender.inmemory.RandomIdGenerator;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Outbox;
import dev.tender.ports.out.OutboxEvent;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.ReconciliationTask;
import dev.tender.ports.out.Reconciliations;
import dev.tender.ports.out.StorageConflict;
import dev.tender.ports.out.UnitOfWork;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.capture;
import static dev.tender.application.TestTender.createAndConfirm;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saved change and what follows from it (the reconciler's task, the refund record, the outbox event)
 * are written in one unit of work, and no unit is open while a connector is called.
 */
class UnitOfWorkTest {

    /** Numbers each outermost unit; 0 outside any. */
    static final class CountingUnits implements UnitOfWork {
        final AtomicInteger units = new AtomicInteger();
        final ThreadLocal<Integer> current = ThreadLocal.withInitial(() -> 0);

        @Override
        public <T> T run(Supplier<T> work) {
            if (current.get() != 0) {
                return work.get();
            }
            current.set(units.incrementAndGet());
            try {
                return work.get();
            } finally {
                current.set(0);
            }
        }
    }

    final CountingUnits unit = new CountingUnits();
    final java.util.List<String> writes = new CopyOnWriteArrayList<>();
    final java.util.List<Integer> unitsDuringCalls = new CopyOnWriteArrayList<>();
    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final InMemoryConnectorAccounts accounts = new InMemoryConnectorAccounts();
    final Payments payments = new Payments() {
        final InMemoryPayments delegate = new InMemoryPayments();

        @Override
        public Option<Payment> find(MerchantId merchantId, PaymentId paymentId) {
            return delegate.find(merchantId, paymentId);
        }

        @Override
        public Either<StorageConflict, Payment> save(Payment payment) {
            writes.add("payment " + payment.status().wireName() + " in unit " + unit.current.get());
            return delegate.save(payment);
        }

        @Override
        public Page<Payment> list(MerchantId merchantId, ListQuery query) {
            return delegate.list(merchantId, query);
        }

        @Override
        public List<Payment> dueForExpiry(java.time.Instant now, int limit) {
            return delegate.dueForExpiry(now, limit);
        }
    };
    final Reconciliations reconciliations = new Recording(new InMemoryReconciliations());
    final Outbox outbox = new Outbox() {
        final InMemoryOutbox delegate = new InMemoryOutbox();

        @Override
        public void append(OutboxEvent event) {
            writes.add("event " + event.type() + " in unit " + unit.current.get());
            delegate.append(event);
        }

        @Override
        public List<OutboxEvent> pending(int limit) {
            return delegate.pending(limit);
        }

        @Override
        public void delivered(String eventId) {
            delegate.delivered(eventId);
        }
    };
    final Tender tender = Tender.builder()
            .payments(payments).refunds(new InMemoryRefunds()).mandates(new InMemoryMandates())
            .idempotencyKeys(new InMemoryIdempotencyKeys()).outbox(outbox).reconciliations(reconciliations)
            .connectorAccounts(accounts).connectors(ConnectorRegistry.of(connector))
            .redirectSecrets(new DerivedRedirectSecrets(new byte[32])).time(Instant::now)
            .ids(new RandomIdGenerator()).settings(TestTender.fastSettings()).unitOfWork(unit).build();

    final class Recording implements Reconciliations {
        final Reconciliations delegate;

        Recording(Reconciliations delegate) {
            this.delegate = delegate;
        }

        @Override
        public void schedule(ReconciliationTask task) {
            writes.add("task scheduled in unit " + unit.current.get());
            delegate.schedule(task);
        }

        @Override
        public List<ReconciliationTask> claimDue(Instant now, int limit, Duration lease) {
            return delegate.claimDue(now, limit, lease);
        }

        @Override
        public void reschedule(ReconciliationTask task) {
            delegate.reschedule(task);
        }

        @Override
        public void done(MerchantId merchantId, PaymentId paymentId, TransactionId transactionId) {
            writes.add("task done in unit " + unit.current.get());
            delegate.done(merchantId, paymentId, transactionId);
        }

        @Override
        public List<ReconciliationTask> all() {
            return delegate.all();
        }
    }

    @Test
    void eachHalfOfATwoPhaseOperationIsOneUnitAndTheConnectorCallIsInNone() {
        // given
        accounts.add(TestTender.account("acc_1", "sim", 1, true));
        connector.onCall(request -> unitsDuringCalls.add(unit.current.get()));

        // when: authorize, capture, refund; each begins (unit 1, 3, 5) and records its outcome (2, 4, 6)
        Payment payment = right(tender.payments().create(createAndConfirm(usd(5_000), CaptureMethod.MANUAL)));
        right(tender.payments().capture(capture(payment.id(), usd(5_000))));
        right(tender.refunds().refund(new RefundPaymentUseCase.Command(MERCHANT, payment.id(), Option.none(),
                Option.some(usd(5_000)), Option.none(), Option.none())));

        // then
        assertThat(unitsDuringCalls).hasSize(3).containsOnly(0);
        assertThat(writes).doesNotContain("payment processing in unit 0", "task scheduled in unit 0",
                "task done in unit 0");
        java.util.Map<String, java.util.List<String>> byUnit = new java.util.TreeMap<>();
        writes.forEach(w -> byUnit.computeIfAbsent(w.substring(w.lastIndexOf(' ') + 1), k -> new java.util.ArrayList<>())
                .add(w.substring(0, w.indexOf(" in unit"))));
        assertThat(byUnit.keySet()).doesNotContain("0");
        // the begin half: the pending transaction and its reconciliation task together
        assertThat(byUnit.values()).filteredOn(w -> w.contains("task scheduled")).hasSize(3)
                .allSatisfy(w -> assertThat(w.get(0)).startsWith("payment "));
        // the outcome half: the recorded outcome, the task done and the payment's events together
        assertThat(byUnit.values()).filteredOn(w -> w.contains("task done")).hasSize(3)
                .allSatisfy(w -> assertThat(w.get(0)).startsWith("payment "));
    }
}
