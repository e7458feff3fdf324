package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentMethod;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.domain.payment.UpdatePayment;
import dev.tender.inmemory.InMemoryPayments;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.StorageConflict;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.fullPayment;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static dev.tender.app.storage.StorageFixtures.simplePayment;
import static dev.tender.app.storage.StorageFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payments in PostgreSQL: every field back as saved, optimistic locking, and the in-memory adapter's lists. */
class JdbcPaymentsTest {

    final JdbcPayments payments = EmbeddedDatabase.bean(JdbcPayments.class);
    final MerchantId merchant = newMerchant("mer_pay");

    @Nested
    class RoundTrip {

        @Test
        void aPaymentWithEveryFieldAndEveryKindOfTransactionReadsBackEqual() {
            // given
            Payment full = fullPayment(merchant, "pay_full", T0);

            // when
            Payment saved = payments.save(full).get();

            // then
            assertThat(saved).isEqualTo(full.withVersion(1));
            assertThat(payments.find(merchant, full.id())).contains(saved);
            assertThat(payments.find(merchant, full.id()).get().transactions().map(t -> t.kind().wireName()))
                    .containsExactly("order", "setup_mandate", "authorize", "increment", "capture", "void",
                            "reverse", "refund", "refund");
        }

        @Test
        void aPaymentWithNothingOptionalReadsBackEqual() {
            // given
            Payment bare = simplePayment(merchant, "pay_bare", T0);

            // when
            Payment saved = payments.save(bare).get();

            // then
            assertThat(payments.find(merchant, bare.id())).contains(saved);
            assertThat(saved.paymentMethod()).isEmpty();
            assertThat(saved.transactions()).isEmpty();
        }

        @Test
        void eachKindOfPaymentMethodReadsBackAsItself() {
            List<PaymentMethod> methods = List.of(
                    new PaymentMethod.Card("mastercard", "55555555", "4444", 1, 2031, Option.none()),
                    new PaymentMethod.StoredMandate(MandateId.of("man_9")),
                    new PaymentMethod.Other("ideal"),
                    new PaymentMethod.Other("card"),
                    new PaymentMethod.Other("mandate"));
            for (int i = 0; i < methods.size(); i++) {
                // given
                Payment p = simplePayment(merchant, "pay_method_" + i, T0);
                Payment payment = new Payment(p.id(), merchant, p.amount(), p.captureMethod(), p.status(),
                        p.authorized(), p.captured(), Option.some(methods.get(i)), p.customerId(), p.connector(),
                        p.capabilities(), p.connectorTransactionId(), p.orderReference(), p.nextAction(),
                        p.failure(), p.mandateSetup(), p.connectorMandateReference(), p.mandateId(), p.metadata(),
                        p.authorizationValidity(), p.authorizationExpiresAt(), p.transactions(), p.createdAt(),
                        p.updatedAt(), 0);

                // when
                payments.save(payment).get();

                // then
                assertThat(payments.find(merchant, payment.id()).get().paymentMethod()).contains(methods.get(i));
            }
        }

        @Test
        void moneyKeepsItsCurrencyWhateverTheExponent() {
            for (Currency currency : List.of(Currency.JPY, Currency.KWD, Currency.EUR)) {
                // given
                Payment payment = Payment.create(CreatePayment.of(PaymentId.of("pay_" + currency.code()), merchant,
                        Money.of(123_456, currency), CaptureMethod.AUTOMATIC, Option.none(), T0)).get();

                // when
                payments.save(payment).get();

                // then
                assertThat(payments.find(merchant, payment.id()).get().amount()).isEqualTo(Money.of(123_456, currency));
            }
        }

        @Test
        void timesAreKeptToTheMicrosecondAndTheSaveReturnsWhatReadsBack() {
            // given
            Instant withNanos = Instant.parse("2025-03-01T10:00:00.123456789Z");
            Payment payment = simplePayment(merchant, "pay_nanos", withNanos);

            // when
            Payment saved = payments.save(payment).get();

            // then
            assertThat(saved.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123456Z"));
            assertThat(payments.find(merchant, payment.id())).contains(saved);
        }

        @Test
        void anAuthorizationValidityOfAFractionOfASecondIsRefusedRatherThanChanged() {
            // given
            Payment payment = Payment.create(CreatePayment.of(PaymentId.of("pay_validity"), merchant, usd(100),
                    CaptureMethod.MANUAL, Option.none(), T0).withAuthorizationValidity(Duration.ofMillis(1500))).get();

            // then
            assertThatThrownBy(() -> payments.save(payment)).isInstanceOf(IllegalArgumentException.class);
            assertThat(payments.find(merchant, payment.id())).isEmpty();
        }

        @Test
        void anotherMerchantsPaymentIsNotFound() {
            // given
            payments.save(simplePayment(merchant, "pay_mine", T0)).get();

            // then
            assertThat(payments.find(newMerchant("mer_other"), PaymentId.of("pay_mine"))).isEmpty();
        }
    }

    @Nested
    class Saving {

        @Test
        void aSaveOfTheCurrentVersionReplacesEveryFieldAndUpsertsTheTransactions() {
            // given
            Payment stored = payments.save(fullPayment(merchant, "pay_1", T0)).get();
            List<dev.tender.domain.payment.Transaction> changedTransactions = stored.transactions()
                    .map(tx -> tx.id().value().equals("txn_void")
                            ? new dev.tender.domain.payment.Transaction(tx.id(), tx.kind(), TransactionStatus.SUCCEEDED,
                            tx.amount(), tx.statusAtBegin(), tx.finalCapture(), Option.some("void_ref"),
                            Option.none(), Option.none(), false, Option.none(), true, tx.createdAt(),
                            tx.observedAt().plusSeconds(30))
                            : tx)
                    .append(new dev.tender.domain.payment.Transaction(TransactionId.of("txn_new"),
                            dev.tender.domain.payment.TransactionKind.CAPTURE, TransactionStatus.PENDING, usd(1_00),
                            stored.status(), false, Option.none(), Option.none(), Option.none(), false,
                            Option.none(), false, T0.plusSeconds(60), T0.plusSeconds(60)));
            Payment changed = new Payment(stored.id(), merchant, usd(12_00), CaptureMethod.MANUAL,
                    dev.tender.domain.payment.PaymentStatus.REQUIRES_MERCHANT_ACTION, usd(12_00), usd(9_00),
                    Option.none(), Option.none(), Option.none(), HashSet.empty(), Option.none(), Option.none(),
                    Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), LinkedHashMap.empty(),
                    Duration.ofHours(1), Option.none(), changedTransactions, stored.createdAt(),
                    T0.plusSeconds(61), stored.version());

            // when
            Either<StorageConflict, Payment> saved = payments.save(changed);

            // then
            assertThat(saved.get()).isEqualTo(changed.withVersion(2));
            assertThat(payments.find(merchant, stored.id())).contains(saved.get());
        }

        @Test
        void aTransactionThePaymentNoLongerListsIsNoLongerStored() {
            // given
            Payment stored = payments.save(fullPayment(merchant, "pay_1", T0)).get();
            Payment fewer = new Payment(stored.id(), merchant, stored.amount(), stored.captureMethod(),
                    stored.status(), stored.authorized(), stored.captured(), stored.paymentMethod(),
                    stored.customerId(), stored.connector(), stored.capabilities(), stored.connectorTransactionId(),
                    stored.orderReference(), stored.nextAction(), stored.failure(), stored.mandateSetup(),
                    stored.connectorMandateReference(), stored.mandateId(), stored.metadata(),
                    stored.authorizationValidity(), stored.authorizationExpiresAt(),
                    stored.transactions().reverse().take(2), stored.createdAt(), stored.updatedAt(), stored.version());

            // when
            Payment saved = payments.save(fewer).get();

            // then
            assertThat(payments.find(merchant, stored.id())).contains(saved);
            assertThat(saved.transactions().map(tx -> tx.id().value())).containsExactly("txn_3ds", "txn_ref_1");
        }

        @Test
        void aSaveThatFailsChangesNothing() {
            // given payments that cannot be stored (a processor reference longer than its column), with
            // transactions
            Payment full = fullPayment(merchant, "pay_partial", T0);
            Payment failingInsert = unstorable(full, full.transactions());
            Payment stored = payments.save(simplePayment(merchant, "pay_partial_update", T0)).get();
            Payment failingUpdate = unstorable(stored.update(UpdatePayment.nothing(T0.plusSeconds(1))
                    .amount(usd(2_000))).get(), full.transactions());

            // when
            assertThatThrownBy(() -> payments.save(failingInsert)).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> payments.save(failingUpdate)).isInstanceOf(RuntimeException.class);

            // then
            assertThat(payments.find(merchant, full.id())).isEmpty();
            assertThat(payments.find(merchant, stored.id())).contains(stored);
        }

        Payment unstorable(Payment p, List<dev.tender.domain.payment.Transaction> transactions) {
            return new Payment(p.id(), p.merchantId(), p.amount(), p.captureMethod(), p.status(), p.authorized(),
                    p.captured(), p.paymentMethod(), p.customerId(), p.connector(), p.capabilities(),
                    Option.some("x".repeat(300)), p.orderReference(), p.nextAction(), p.failure(), p.mandateSetup(),
                    p.connectorMandateReference(), p.mandateId(), p.metadata(), p.authorizationValidity(),
                    p.authorizationExpiresAt(), transactions, p.createdAt(), p.updatedAt(), p.version());
        }

        @Test
        void aSaveOfAStaleVersionIsAConflictAndKeepsTheNewer() {
            // given
            Payment stored = payments.save(simplePayment(merchant, "pay_1", T0)).get();
            Payment newer = payments.save(changed(stored)).get();

            // when
            Either<StorageConflict, Payment> stale = payments.save(changed(stored));

            // then
            assertThat(stale.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
            assertThat(payments.find(merchant, stored.id())).contains(newer);
        }

        @Test
        void aSecondPaymentWithTheSameIdIsADuplicate() {
            // given
            Payment first = payments.save(fullPayment(merchant, "pay_1", T0)).get();

            // when
            Either<StorageConflict, Payment> duplicate = payments.save(simplePayment(merchant, "pay_1",
                    T0.plusSeconds(5)));

            // then
            assertThat(duplicate.getLeft().kind()).isEqualTo(StorageConflict.Kind.DUPLICATE_ID);
            assertThat(payments.find(merchant, first.id())).contains(first);
        }

        @Test
        void aVersionThatWasNeverStoredIsStaleAndStoresNothing() {
            // given
            Payment neverSaved = fullPayment(merchant, "pay_1", T0).withVersion(3);

            // when
            Either<StorageConflict, Payment> saved = payments.save(neverSaved);

            // then
            assertThat(saved.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
            assertThat(payments.find(merchant, neverSaved.id())).isEmpty();
        }

        @Test
        void theSameIdAtAnotherMerchantIsAnotherPayment() {
            // given
            payments.save(simplePayment(merchant, "pay_1", T0)).get();
            MerchantId other = newMerchant("mer_pay_other");

            // when
            Either<StorageConflict, Payment> saved = payments.save(simplePayment(other, "pay_1", T0));

            // then
            assertThat(saved.isRight()).isTrue();
            assertThat(payments.find(other, PaymentId.of("pay_1"))).contains(saved.get());
        }

        @Test
        void ofConcurrentSavesOfOneVersionExactlyOneWins() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                // given
                Payment stored = payments.save(simplePayment(merchant, "pay_race", T0)).get();
                CountDownLatch start = new CountDownLatch(1);
                java.util.List<Future<Either<StorageConflict, Payment>>> saves = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    long amount = 2_000 + i;
                    saves.add(pool.submit(() -> {
                        start.await();
                        return payments.save(stored.update(UpdatePayment.nothing(T0.plusSeconds(1))
                                .amount(usd(amount))).get());
                    }));
                }

                // when
                start.countDown();
                List<Either<StorageConflict, Payment>> results = List.empty();
                for (Future<Either<StorageConflict, Payment>> save : saves) {
                    results = results.append(save.get(10, TimeUnit.SECONDS));
                }

                // then
                assertThat(results.filter(Either::isRight)).hasSize(1);
                assertThat(results.filter(Either::isLeft).map(r -> r.getLeft().kind()))
                        .containsOnly(StorageConflict.Kind.STALE_VERSION);
                assertThat(payments.find(merchant, stored.id())).contains(results.find(Either::isRight).get().get());
            } finally {
                pool.shutdownNow();
            }
        }

        Payment changed(Payment p) {
            return p.update(UpdatePayment.nothing(T0.plusSeconds(1)).amount(usd(2_000))).get();
        }
    }

    /** Every query of a few data sets answered as {@code InMemoryPayments} answers it. */
    @Nested
    class ListingAsInMemory {

        final InMemoryPayments inMemory = new InMemoryPayments();

        void store(Payment payment) {
            Payment saved = payments.save(payment).get();
            assertThat(inMemory.save(saved.withVersion(0)).get()).isEqualTo(saved);
        }

        @Test
        void fivePaymentsAMinuteApart() {
            for (int i = 1; i <= 5; i++) {
                store(simplePayment(merchant, "pay_" + i, T0.plusSeconds(60L * i)));
            }
            payments.save(simplePayment(newMerchant("mer_pay_other"), "pay_9", T0.plusSeconds(600))).get();
            assertParity(List.of(T0.plusSeconds(120), T0.plusSeconds(240)));
        }

        @Test
        void paymentsCreatedAtOneInstantAreOrderedByIdInCodePointOrder() {
            for (String id : List.of("pay_a", "pay-a", "pay.a", "PAY_A", "pay:a", "pay_A", "pay0", "pay_b", "pay")) {
                store(simplePayment(merchant, id, T0));
            }
            assertThat(ids(payments.list(merchant, ListQuery.first(100))))
                    .containsExactly("pay_b", "pay_a", "pay_A", "pay:a", "pay0", "pay.a", "pay-a", "pay", "PAY_A");
            assertParity(List.of(T0, T0.plusNanos(1)));
        }

        @Test
        void aMixOfTiesAndMicrosecondsApart() {
            String[] ids = {"p_01", "p_02", "p_03", "p_04", "p_05", "p_06", "p_07", "p_08", "p_09", "p_10", "p_11"};
            long[] micros = {0, 0, 1, 2, 2, 2, 5, 1_000_000, 1_000_000, 1_000_001, 3_000_000};
            for (int i = 0; i < ids.length; i++) {
                store(simplePayment(merchant, ids[i], T0.plusNanos(micros[i] * 1_000)));
            }
            assertParity(List.of(T0, T0.plusNanos(2_000), T0.plusNanos(2_500), T0.plusSeconds(1),
                    T0.plusNanos(1_000_000_500L)));
        }

        /**
         * Windows from the bounds given (none, each from, each to, each pair), limits 1, 2, 3 and 100,
         * each stored id and an unknown one as either cursor, and both cursors together.
         */
        void assertParity(List<Instant> bounds) {
            List<Option<Instant>> froms = bounds.map(Option::some).prepend(Option.none());
            List<String> cursorIds = inMemory.list(merchant, ListQuery.first(100)).items().map(p -> p.id().value())
                    .append("pay_unknown");
            int queries = 0;
            for (Option<Instant> from : froms) {
                for (Option<Instant> to : froms) {
                    for (int limit : new int[]{1, 2, 3, 100}) {
                        check(new ListQuery(from, to, Option.none(), Option.none(), limit));
                        queries++;
                        for (String cursor : cursorIds) {
                            check(new ListQuery(from, to, Option.some(cursor), Option.none(), limit));
                            check(new ListQuery(from, to, Option.none(), Option.some(cursor), limit));
                            queries += 2;
                        }
                    }
                }
            }
            for (String after : cursorIds) {
                for (String before : cursorIds) {
                    check(new ListQuery(Option.none(), Option.none(), Option.some(after), Option.some(before), 2));
                    queries++;
                }
            }
            assertThat(queries).isGreaterThan(50);
        }

        void check(ListQuery query) {
            Page<Payment> expected = inMemory.list(merchant, query);
            Page<Payment> actual = payments.list(merchant, query);
            assertThat(ids(actual)).as("%s", query).isEqualTo(ids(expected));
            assertThat(actual.hasMore()).as("hasMore of %s", query).isEqualTo(expected.hasMore());
            assertThat(actual.items()).as("%s", query).isEqualTo(expected.items());
        }
    }

    static java.util.List<String> ids(Page<Payment> page) {
        return page.items().map(p -> p.id().value()).toJavaList();
    }

    /** A change saved with its effects: one statement, the effects only when the payment was written. */
    @Nested
    class Effects {

        final JdbcReconciliations reconciliations = EmbeddedDatabase.bean(JdbcReconciliations.class);
        final JdbcRefunds refunds = EmbeddedDatabase.bean(JdbcRefunds.class);
        final JdbcOutbox outbox = EmbeddedDatabase.bean(JdbcOutbox.class);

        dev.tender.ports.out.PaymentEffects effects(Payment p, String suffix) {
            dev.tender.domain.payment.Transaction refund = p.transactions().find(t -> t.id().value().equals("txn_ref_1"))
                    .get();
            return new dev.tender.ports.out.PaymentEffects(p.merchantId(), p.id(),
                    List.of(new dev.tender.ports.out.ReconciliationTask(p.merchantId(), p.id(),
                            TransactionId.of("txn_ref_1"), 0, T0.plusSeconds(30))),
                    List.of(TransactionId.of("txn_void")),
                    List.of(dev.tender.ports.out.RefundRecord.of(p, refund)),
                    List.of(new dev.tender.ports.out.OutboxEvent("evt_a" + suffix, p.merchantId(), "refund_succeeded",
                                    p.id(), Option.some(refund.id()), p.status(), T0),
                            new dev.tender.ports.out.OutboxEvent("evt_b" + suffix, p.merchantId(), "payment_captured",
                                    p.id(), Option.none(), p.status(), T0)));
        }

        @Test
        void theEffectsAreWrittenWithThePaymentAndTheEventsInTheirOrder() {
            // given
            Payment full = fullPayment(merchant, "pay_effects", T0);
            reconciliations.schedule(new dev.tender.ports.out.ReconciliationTask(merchant, full.id(),
                    TransactionId.of("txn_void"), 2, T0));

            // when
            Payment saved = payments.save(full, effects(full, "_1"), e -> {
                throw new AssertionError("the adapter writes the effects itself");
            }).get();

            // then
            assertThat(payments.find(merchant, full.id())).contains(saved);
            assertThat(reconciliations.all().filter(t -> t.paymentId().equals(full.id())).map(t ->
                    t.transactionId().value() + " " + t.attempts() + " " + t.dueAt())).containsExactly(
                    "txn_ref_1 0 " + T0.plusSeconds(30));
            assertThat(refunds.find(merchant, TransactionId.of("txn_ref_1")).get().value())
                    .isEqualTo(dev.tender.ports.out.RefundRecord.of(saved, saved.transaction(
                            TransactionId.of("txn_ref_1")).get()));
            assertThat(outbox.pending(10_000).filter(e -> e.paymentId().equals(full.id())).map(
                    dev.tender.ports.out.OutboxEvent::id)).containsExactly("evt_a_1", "evt_b_1");
        }

        @Test
        void aStaleSaveWritesNoneOfItsEffects() {
            // given
            Payment stored = payments.save(fullPayment(merchant, "pay_effects_stale", T0)).get();
            payments.save(stored.withVersion(stored.version())).get();

            // when
            Either<StorageConflict, Payment> stale = payments.save(stored, effects(stored, "_2"), e -> {
            });

            // then
            assertThat(stale.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
            assertThat(reconciliations.all().filter(t -> t.paymentId().equals(stored.id()))).isEmpty();
            assertThat(refunds.find(merchant, TransactionId.of("txn_ref_1"))).isEmpty();
            assertThat(outbox.pending(10_000).filter(e -> e.paymentId().equals(stored.id()))).isEmpty();
        }

        @Test
        void aRefundIdAnotherPaymentHoldsIsRefusedAndNothingIsWritten() {
            // given: the merchant's refund txn_ref_1 belongs to another payment
            Payment other = fullPayment(merchant, "pay_effects_owner", T0);
            payments.save(other, effects(other, "_3"), e -> {
            }).get();
            Payment second = payments.save(fullPayment(merchant, "pay_effects_second", T0)).get();

            // when / then
            assertThatThrownBy(() -> EmbeddedDatabase.bean(JdbcUnitOfWork.class).run(() ->
                    payments.save(second, effects(second, "_4"), e -> {
                    }))).hasMessageContaining("belongs to another payment");
            assertThat(payments.find(merchant, second.id())).contains(second);
            assertThat(refunds.find(merchant, TransactionId.of("txn_ref_1")).get().value().paymentId())
                    .isEqualTo(other.id());
            assertThat(outbox.pending(10_000).filter(e -> e.paymentId().equals(second.id()))).isEmpty();
        }
    }
}
