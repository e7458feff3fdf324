package dev.tender.application;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RecordOutcome;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.out.Outbox;
import dev.tender.ports.out.OutboxEvent;
import dev.tender.ports.out.PaymentEffects;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.ReconciliationTask;
import dev.tender.ports.out.Reconciliations;
import dev.tender.ports.out.RefundRecord;
import dev.tender.ports.out.Refunds;
import dev.tender.ports.out.StorageConflict;
import dev.tender.ports.out.UnitOfWork;
import dev.tender.ports.out.Versioned;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * Loads and saves payments, and keeps what follows from a saved change: refund records, the
 * reconciler's queue (a transaction is queued before its connector call, so a crash leaves it found),
 * and outbox events for merchants' webhooks. A change and what follows from it are written in one
 * {@link UnitOfWork}: all of them or none.
 */
final class PaymentStore {

    private static final int MAX_RACES = 20;

    private final Payments payments;
    private final Refunds refunds;
    private final Reconciliations reconciliations;
    private final Outbox outbox;
    private final Clock clock;
    private final UnitOfWork unit;
    private final java.util.List<java.util.function.Consumer<Payment>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    PaymentStore(Payments payments, Refunds refunds, Reconciliations reconciliations, Outbox outbox, Clock clock,
                 UnitOfWork unit) {
        this.payments = payments;
        this.refunds = refunds;
        this.reconciliations = reconciliations;
        this.outbox = outbox;
        this.clock = clock;
        this.unit = unit;
    }

    /** Something to run after every saved change, such as activating a mandate whose setup succeeded. */
    void onSaved(java.util.function.Consumer<Payment> listener) {
        listeners.add(listener);
    }

    Either<ApplicationError, Payment> load(MerchantId merchantId, PaymentId paymentId) {
        return payments.find(merchantId, paymentId)
                .toEither(() -> new ApplicationError.NotFound("payment", paymentId.value()));
    }

    /** Saves a payment a command produced from {@code before}; losing a race is a conflict for the caller. */
    Either<ApplicationError, Payment> save(Option<Payment> before, Payment after) {
        return unit.run(() -> write(before, after)
                .mapLeft(conflict -> (ApplicationError) new ApplicationError.Conflict(conflict.message())));
    }

    /** Saves the change with what follows from it (in the caller's unit of work); a lost race saves nothing. */
    private Either<StorageConflict, Payment> write(Option<Payment> before, Payment after) {
        Either<StorageConflict, Payment> saved = payments.save(after, effects(before, after), this::writeEffects);
        saved.forEach(s -> listeners.forEach(listener -> listener.accept(s)));
        return saved;
    }

    /** Loads, applies {@code command}, saves: the begin half of a two-phase operation. */
    Either<ApplicationError, Payment> change(MerchantId merchantId, PaymentId paymentId,
                                             Function<Payment, Either<Rejection, Payment>> command) {
        return unit.run(() -> load(merchantId, paymentId).flatMap(current -> command.apply(current)
                .mapLeft(r -> (ApplicationError) new ApplicationError.Rejected(r))
                .flatMap(after -> after == current ? Either.right(current) : save(Option.some(current), after))));
    }

    /**
     * {@link #record(MerchantId, PaymentId, TransactionId, Outcome)} beginning from the payment its begin
     * saved, which saves reading it again; read again when another process saved it since (or the outcome
     * changes nothing on it).
     */
    Payment record(Payment begun, TransactionId transactionId, Outcome outcome) {
        Option<Payment> recorded = unit.run(() -> {
            Payment after = begun.recordOutcome(new RecordOutcome(transactionId, outcome, clock.now()))
                    .getOrElse(begun);
            if (after == begun) {
                return Option.<Payment>none();
            }
            return write(Option.some(begun), after).toOption();
        });
        return recorded.getOrElse(() -> record(begun.merchantId(), begun.id(), transactionId, outcome));
    }

    /**
     * Applies an outcome to a transaction, reloading and re-applying when another process saved the
     * payment in between (applying an outcome is idempotent, so the retry is safe).
     */
    Payment record(MerchantId merchantId, PaymentId paymentId, TransactionId transactionId, Outcome outcome) {
        for (int race = 0; race < MAX_RACES; race++) {
            Option<Payment> recorded = unit.run(() -> recordOnce(merchantId, paymentId, transactionId, outcome));
            if (recorded.isDefined()) {
                return recorded.get();
            }
        }
        throw new IllegalStateException("payment " + paymentId + " kept changing while recording an outcome");
    }

    /** The payment with the outcome applied and saved, or none when another process saved it first. */
    private Option<Payment> recordOnce(MerchantId merchantId, PaymentId paymentId, TransactionId transactionId,
                                       Outcome outcome) {
        Payment current = payments.find(merchantId, paymentId).getOrElseThrow(() ->
                new IllegalStateException("payment vanished: " + paymentId));
        Payment after = current.recordOutcome(new RecordOutcome(transactionId, outcome, clock.now()))
                .getOrElse(current);
        if (after == current) {
            return Option.some(current);
        }
        return write(Option.some(current), after).toOption();
    }

    /**
     * What follows from the change from {@code before}: a task for each transaction it opened and the end of the
     * task of each it settled, the record of each refund it changed, an event for each refund whose status
     * moved, then one for the payment's status if it moved.
     */
    private PaymentEffects effects(Option<Payment> before, Payment after) {
        java.util.List<ReconciliationTask> queued = new java.util.ArrayList<>();
        java.util.List<TransactionId> settled = new java.util.ArrayList<>();
        java.util.List<RefundRecord> refunded = new java.util.ArrayList<>();
        java.util.List<OutboxEvent> events = new java.util.ArrayList<>();
        for (Transaction tx : after.transactions()) {
            Option<Transaction> old = before.flatMap(b -> b.transaction(tx.id()));
            if (old.contains(tx)) {
                continue;
            }
            if (tx.status().isOpen()) {
                queued.add(new ReconciliationTask(after.merchantId(), after.id(), tx.id(), 0,
                        clock.now().plus(clock.settings().firstReconcileDelay())));
            } else {
                settled.add(tx.id());
            }
            if (tx.kind() == TransactionKind.REFUND) {
                RefundRecord record = RefundRecord.of(after, tx);
                refunded.add(record);
                if (old.forAll(o -> o.refundStatus() != record.status())) {
                    EventTypes.forRefund(record.status()).forEach(type -> events.add(new OutboxEvent(
                            clock.ids().next("evt"), after.merchantId(), type, after.id(), Option.some(tx.id()),
                            after.status(), clock.now())));
                }
            }
        }
        if (announces(before, after)) {
            EventTypes.forPayment(after.status()).forEach(type -> events.add(new OutboxEvent(
                    clock.ids().next("evt"), after.merchantId(), type, after.id(), Option.none(), after.status(),
                    clock.now())));
        }
        return new PaymentEffects(after.merchantId(), after.id(), List.ofAll(queued), List.ofAll(settled),
                List.ofAll(refunded), List.ofAll(events));
    }

    /**
     * Whether the merchant hears of the payment's status after this change. Not at the begin of an operation
     * (its transaction opened): the status it moves to then ({@code processing}) is the two-phase flow's own, and
     * the outcome decides what happened. At the outcome, the status is compared with the one the merchant last
     * heard of: the one before the begin while the processor has not answered yet. So a confirm announces
     * {@code payment_authorized} once, a declined capture announces nothing (the payment is as it was), and
     * {@code payment_processing} is announced once, when the processor first says it is still working on it.
     */
    private static boolean announces(Option<Payment> before, Payment after) {
        boolean begin = after.transactions().exists(tx -> tx.status().isOpen()
                && before.flatMap(b -> b.transaction(tx.id())).isEmpty());
        if (begin) {
            return false;
        }
        if (before.isEmpty()) {
            return true;
        }
        Payment b = before.get();
        Option<io.vavr.Tuple2<Transaction, Transaction>> recorded = after.transactions().flatMap(tx ->
                b.transaction(tx.id()).filter(old -> old.status().isOpen() && !old.equals(tx))
                        .map(old -> io.vavr.Tuple.of(old, tx))).headOption();
        PaymentStatus heard = recorded.filter(t -> !t._1.answered()).map(t -> t._1.statusAtBegin())
                .getOrElse(b.status());
        boolean firstAnswer = recorded.exists(t -> !t._1.answered() && t._2.answered());
        return after.status() != heard && (after.status() != b.status() || firstAnswer);
    }

    /** The effects through their own ports, for a {@link Payments} adapter that does not write them itself. */
    private void writeEffects(PaymentEffects effects) {
        effects.queued().forEach(reconciliations::schedule);
        effects.settled().forEach(tx -> reconciliations.done(effects.merchantId(), effects.paymentId(), tx));
        effects.refunds().forEach(this::saveRefund);
        effects.events().forEach(outbox::append);
    }

    /** Keeps the refund record, replacing the stored one of that refund (never another payment's). */
    private void saveRefund(RefundRecord record) {
        for (int race = 0; race < MAX_RACES; race++) {
            Option<Versioned<RefundRecord>> stored = refunds.find(record.merchantId(), record.refundId());
            if (stored.exists(s -> s.value().equals(record))) {
                return;
            }
            if (stored.exists(s -> !s.value().paymentId().equals(record.paymentId()))) {
                throw new IllegalStateException("refund id " + record.refundId() + " belongs to another payment");
            }
            Versioned<RefundRecord> next = stored.map(s -> s.with(record)).getOrElse(Versioned.fresh(record));
            if (refunds.save(next).isRight()) {
                return;
            }
        }
        throw new IllegalStateException("refund " + record.refundId() + " kept changing");
    }
}
