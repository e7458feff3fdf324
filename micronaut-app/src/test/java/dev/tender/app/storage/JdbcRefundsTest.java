package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.domain.payment.TransactionId;
import dev.tender.inmemory.InMemoryRefunds;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.RefundRecord;
import dev.tender.ports.out.StorageConflict;
import dev.tender.ports.out.Versioned;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static dev.tender.app.storage.StorageFixtures.simplePayment;
import static dev.tender.app.storage.StorageFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Refund records in PostgreSQL: every field back, optimistic locking, and the in-memory adapter's lists. */
class JdbcRefundsTest {

    final JdbcRefunds refunds = EmbeddedDatabase.bean(JdbcRefunds.class);
    final JdbcPayments payments = EmbeddedDatabase.bean(JdbcPayments.class);
    final MerchantId merchant = newMerchant("mer_ref");
    final PaymentId paymentId = PaymentId.of("pay_refunded");

    JdbcRefundsTest() {
        payments.save(simplePayment(merchant, paymentId.value(), T0)).get();
    }

    RefundRecord refund(String id, Instant createdAt) {
        return new RefundRecord(TransactionId.of(id), merchant, paymentId, usd(2_50), RefundStatus.PENDING,
                Option.none(), Option.none(), Option.none(), createdAt, createdAt);
    }

    @Test
    void aRefundWithEveryFieldReadsBackEqual() {
        // given
        RefundRecord full = new RefundRecord(TransactionId.of("ref_full"), merchant, paymentId, usd(2_50),
                RefundStatus.FAILED, Option.some("damaged \"in transit\""), Option.some("re_123"),
                Option.some(new Failure("refund_declined", "too late")), T0, T0.plusSeconds(5));

        // when
        Versioned<RefundRecord> saved = refunds.save(Versioned.fresh(full)).get();

        // then
        assertThat(saved).isEqualTo(new Versioned<>(full, 1));
        assertThat(refunds.find(merchant, full.refundId())).contains(saved);
    }

    @Test
    void eachStatusReadsBackAsItself() {
        for (RefundStatus status : RefundStatus.values()) {
            RefundRecord r = refund("ref_" + status.wireName(), T0);
            RefundRecord withStatus = new RefundRecord(r.refundId(), merchant, paymentId, r.amount(), status,
                    r.reason(), r.connectorRefundId(), r.failure(), r.createdAt(), r.updatedAt());
            refunds.save(Versioned.fresh(withStatus)).get();
            assertThat(refunds.find(merchant, r.refundId()).get().value().status()).isEqualTo(status);
        }
    }

    @Test
    void timesAreKeptToTheMicrosecondAndTheSaveReturnsWhatReadsBack() {
        // given
        RefundRecord withNanos = refund("ref_nanos", Instant.parse("2025-03-01T10:00:00.000000999Z"));

        // when
        Versioned<RefundRecord> saved = refunds.save(Versioned.fresh(withNanos)).get();

        // then
        assertThat(saved.value().createdAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(refunds.find(merchant, withNanos.refundId())).contains(saved);
    }

    @Test
    void theCurrentVersionIsReplacedAndAStaleOrNeverStoredOneIsAConflict() {
        // given
        Versioned<RefundRecord> first = refunds.save(Versioned.fresh(refund("ref_1", T0))).get();
        RefundRecord succeeded = new RefundRecord(first.value().refundId(), merchant, paymentId, usd(2_50),
                RefundStatus.SUCCEEDED, Option.none(), Option.some("re_1"), Option.none(), T0, T0.plusSeconds(9));

        // when
        Either<StorageConflict, Versioned<RefundRecord>> second = refunds.save(first.with(succeeded));
        Either<StorageConflict, Versioned<RefundRecord>> stale = refunds.save(first.with(succeeded));
        Either<StorageConflict, Versioned<RefundRecord>> neverStored = refunds.save(
                new Versioned<>(refund("ref_never", T0), 4));

        // then
        assertThat(second.get()).isEqualTo(new Versioned<>(succeeded, 2));
        assertThat(stale.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
        assertThat(neverStored.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
        assertThat(refunds.find(merchant, TransactionId.of("ref_never"))).isEmpty();
        assertThat(refunds.find(merchant, first.value().refundId())).contains(second.get());
    }

    @Test
    void aSecondRefundWithTheSameIdIsADuplicate() {
        // given
        Versioned<RefundRecord> first = refunds.save(Versioned.fresh(refund("ref_1", T0))).get();

        // when
        Either<StorageConflict, Versioned<RefundRecord>> duplicate = refunds.save(
                Versioned.fresh(refund("ref_1", T0.plusSeconds(1))));

        // then
        assertThat(duplicate.getLeft().kind()).isEqualTo(StorageConflict.Kind.DUPLICATE_ID);
        assertThat(refunds.find(merchant, first.value().refundId())).contains(first);
    }

    @Test
    void anotherMerchantsRefundIsNeitherFoundNorListed() {
        // given
        refunds.save(Versioned.fresh(refund("ref_1", T0))).get();
        MerchantId other = newMerchant("mer_ref_other");

        // then
        assertThat(refunds.find(other, TransactionId.of("ref_1"))).isEmpty();
        assertThat(refunds.list(other, ListQuery.first(10)).items()).isEmpty();
    }

    @Test
    void listsAsTheInMemoryAdapterDoes() {
        // given
        InMemoryRefunds inMemory = new InMemoryRefunds();
        String[] ids = {"ref_a", "ref_b", "ref-a", "ref_c", "ref_d", "REF_E", "ref_f"};
        long[] seconds = {0, 0, 0, 60, 120, 120, 180};
        for (int i = 0; i < ids.length; i++) {
            Versioned<RefundRecord> saved = refunds.save(Versioned.fresh(refund(ids[i], T0.plusSeconds(seconds[i]))))
                    .get();
            inMemory.save(Versioned.fresh(saved.value())).get();
        }
        List<String> cursors = List.of(ids).append("ref_unknown");
        List<Option<Instant>> bounds = List.of(Option.<Instant>none(), Option.some(T0), Option.some(T0.plusSeconds(60)),
                Option.some(T0.plusSeconds(120)));

        // then
        for (Option<Instant> from : bounds) {
            for (Option<Instant> to : bounds) {
                for (int limit : new int[]{1, 2, 3, 100}) {
                    check(inMemory, new ListQuery(from, to, Option.none(), Option.none(), limit));
                    for (String cursor : cursors) {
                        check(inMemory, new ListQuery(from, to, Option.some(cursor), Option.none(), limit));
                        check(inMemory, new ListQuery(from, to, Option.none(), Option.some(cursor), limit));
                    }
                }
            }
        }
    }

    void check(InMemoryRefunds inMemory, ListQuery query) {
        Page<RefundRecord> expected = inMemory.list(merchant, query);
        Page<RefundRecord> actual = refunds.list(merchant, query);
        assertThat(actual.items().map(r -> r.refundId().value())).as("%s", query)
                .isEqualTo(expected.items().map(r -> r.refundId().value()));
        assertThat(actual).as("%s", query).isEqualTo(expected);
    }
}
