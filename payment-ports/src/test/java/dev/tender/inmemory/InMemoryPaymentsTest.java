package dev.tender.inmemory;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CreatePayment;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.UpdatePayment;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.StorageConflict;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments stored with optimistic locking, listed newest first by keyset. */
class InMemoryPaymentsTest {

    static final MerchantId MERCHANT = MerchantId.of("mer_1");
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    final InMemoryPayments payments = new InMemoryPayments();

    static Payment payment(String id, Instant createdAt) {
        return payment(MERCHANT, id, createdAt);
    }

    static Payment payment(MerchantId merchant, String id, Instant createdAt) {
        return Payment.create(CreatePayment.of(PaymentId.of(id), merchant, Money.of(1_000, Currency.USD),
                CaptureMethod.MANUAL, Option.none(), createdAt)).get();
    }

    static Payment changed(Payment p) {
        return p.update(UpdatePayment.nothing(T0.plusSeconds(1)).amount(Money.of(2_000, Currency.USD))).get();
    }

    static List<String> ids(Page<Payment> page) {
        return page.items().map(p -> p.id().value());
    }

    @Nested
    class Saving {

        @Test
        void aNewPaymentIsStoredAsVersionOne() {
            // when
            Either<StorageConflict, Payment> saved = payments.save(payment("pay_1", T0));

            // then
            assertThat(saved.get().version()).isEqualTo(1);
            assertThat(payments.find(MERCHANT, PaymentId.of("pay_1"))).contains(saved.get());
        }

        @Test
        void aSaveOfTheCurrentVersionReplacesItAndBumpsTheVersion() {
            // given
            Payment stored = payments.save(payment("pay_1", T0)).get();

            // when
            Either<StorageConflict, Payment> saved = payments.save(changed(stored));

            // then
            assertThat(saved.get().version()).isEqualTo(2);
            assertThat(payments.find(MERCHANT, stored.id()).get().amount()).isEqualTo(Money.of(2_000, Currency.USD));
        }

        @Test
        void aSaveOfAStaleVersionIsAConflictAndKeepsTheNewer() {
            // given
            Payment stored = payments.save(payment("pay_1", T0)).get();
            Payment newer = payments.save(changed(stored)).get();

            // when
            Either<StorageConflict, Payment> stale = payments.save(changed(stored));

            // then
            assertThat(stale.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
            assertThat(payments.find(MERCHANT, stored.id())).contains(newer);
        }

        @Test
        void aSecondPaymentWithTheSameIdIsADuplicate() {
            // given
            Payment first = payments.save(payment("pay_1", T0)).get();

            // when
            Either<StorageConflict, Payment> duplicate = payments.save(payment("pay_1", T0.plusSeconds(5)));

            // then
            assertThat(duplicate.getLeft().kind()).isEqualTo(StorageConflict.Kind.DUPLICATE_ID);
            assertThat(payments.find(MERCHANT, first.id())).contains(first);
        }

        @Test
        void aVersionThatWasNeverStoredIsStaleAndStoresNothing() {
            // given
            Payment neverSaved = payment("pay_1", T0).withVersion(3);

            // when
            Either<StorageConflict, Payment> saved = payments.save(neverSaved);

            // then
            assertThat(saved.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
            assertThat(payments.find(MERCHANT, neverSaved.id())).isEmpty();
        }

        @Test
        void theSameIdAtAnotherMerchantIsAnotherPayment() {
            // given
            payments.save(payment("pay_1", T0)).get();
            MerchantId other = MerchantId.of("mer_2");

            // when
            Either<StorageConflict, Payment> saved = payments.save(payment(other, "pay_1", T0));

            // then
            assertThat(saved.isRight()).isTrue();
            assertThat(payments.find(other, PaymentId.of("pay_1"))).contains(saved.get());
        }
    }

    @Nested
    class Listing {

        /** pay_1 … pay_5, created a minute apart: pay_5 is the newest. */
        void fivePayments() {
            for (int i = 1; i <= 5; i++) {
                payments.save(payment("pay_" + i, T0.plusSeconds(60L * i))).get();
            }
            payments.save(payment(MerchantId.of("mer_2"), "pay_9", T0.plusSeconds(600))).get();
        }

        @Test
        void theFirstPageIsTheNewestAndSaysMoreFollow() {
            // given
            fivePayments();

            // when
            Page<Payment> page = payments.list(MERCHANT, ListQuery.first(2));

            // then
            assertThat(ids(page)).containsExactly("pay_5", "pay_4");
            assertThat(page.hasMore()).isTrue();
        }

        @Test
        void startingAfterTheLastItemWalksToTheEnd() {
            // given
            fivePayments();

            // when
            Page<Payment> second = payments.list(MERCHANT, query(Option.some("pay_4"), Option.none(), 2));
            Page<Payment> third = payments.list(MERCHANT, query(Option.some("pay_2"), Option.none(), 2));

            // then
            assertThat(ids(second)).containsExactly("pay_3", "pay_2");
            assertThat(second.hasMore()).isTrue();
            assertThat(ids(third)).containsExactly("pay_1");
            assertThat(third.hasMore()).isFalse();
        }

        @Test
        void endingBeforeAnItemIsThePageJustNewerThanIt() {
            // given
            fivePayments();

            // when
            Page<Payment> previous = payments.list(MERCHANT, query(Option.none(), Option.some("pay_2"), 2));
            Page<Payment> first = payments.list(MERCHANT, query(Option.none(), Option.some("pay_4"), 2));

            // then
            assertThat(ids(previous)).containsExactly("pay_4", "pay_3");
            assertThat(previous.hasMore()).isTrue();
            assertThat(ids(first)).containsExactly("pay_5");
            assertThat(first.hasMore()).isFalse();
        }

        @Test
        void createdFromIsInclusiveAndCreatedToExclusive() {
            // given
            fivePayments();
            ListQuery window = new ListQuery(Option.some(T0.plusSeconds(120)), Option.some(T0.plusSeconds(240)),
                    Option.none(), Option.none(), 10);

            // when
            Page<Payment> page = payments.list(MERCHANT, window);

            // then
            assertThat(ids(page)).containsExactly("pay_3", "pay_2");
            assertThat(page.hasMore()).isFalse();
        }

        @Test
        void paymentsCreatedAtTheSameInstantAreOrderedByIdAndPagedWithoutLossOrRepeat() {
            // given
            for (String id : List.of("pay_a", "pay_b", "pay_c", "pay_d")) {
                payments.save(payment(id, T0)).get();
            }

            // when
            Page<Payment> first = payments.list(MERCHANT, ListQuery.first(2));
            Page<Payment> second = payments.list(MERCHANT, query(Option.some(first.items().last().id().value()),
                    Option.none(), 2));

            // then
            assertThat(ids(first)).containsExactly("pay_d", "pay_c");
            assertThat(ids(second)).containsExactly("pay_b", "pay_a");
            assertThat(second.hasMore()).isFalse();
        }

        @Test
        void anotherMerchantsPaymentsAreNeverListed() {
            // given
            fivePayments();

            // when
            Page<Payment> page = payments.list(MerchantId.of("mer_2"), ListQuery.first(10));

            // then
            assertThat(ids(page)).containsExactly("pay_9");
        }

        ListQuery query(Option<String> startingAfter, Option<String> endingBefore, int limit) {
            return new ListQuery(Option.none(), Option.none(), startingAfter, endingBefore, limit);
        }
    }
}
