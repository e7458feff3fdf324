package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.money.Currency;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateStatus;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.StorageConflict;
import dev.tender.ports.out.Versioned;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static dev.tender.app.storage.StorageFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Mandates in PostgreSQL: every field back, one mandate per setup payment, optimistic locking. */
class JdbcMandatesTest {

    final JdbcMandates mandates = EmbeddedDatabase.bean(JdbcMandates.class);
    final MerchantId merchant = newMerchant("mer_man");

    Mandate mandate(String id, String setupPayment, String customer, Instant createdAt) {
        return new Mandate(MandateId.of(id), merchant, customer, MandateStatus.ACTIVE, MandateType.MULTI_USE,
                Option.some(usd(50_00)), Currency.USD, "acc_sim", "pm_ref_" + id,
                new CustomerAcceptance("offline", Instant.parse("2025-02-01T00:00:00.987654321Z"), Option.none(),
                        Option.some("curl/8")),
                PaymentId.of(setupPayment), List.of(PaymentId.of("pay_c1"), PaymentId.of("pay_c2")), createdAt,
                createdAt.plusSeconds(1));
    }

    @Test
    void aMandateWithEveryFieldReadsBackEqualByIdAndBySetupPayment() {
        // given
        Mandate full = mandate("man_1", "pay_setup_1", "cus_1", T0);
        Mandate noLimitNoCharges = new Mandate(MandateId.of("man_2"), merchant, "cus_1", MandateStatus.INACTIVE,
                MandateType.SINGLE_USE, Option.none(), Currency.JPY, "", "ref", full.acceptance(),
                PaymentId.of("pay_setup_2"), List.empty(), T0, T0);

        // when
        Versioned<Mandate> saved = mandates.save(Versioned.fresh(full)).get();
        Versioned<Mandate> savedBare = mandates.save(Versioned.fresh(noLimitNoCharges)).get();

        // then
        assertThat(saved).isEqualTo(new Versioned<>(full, 1));
        assertThat(mandates.find(merchant, full.id())).contains(saved);
        assertThat(mandates.findBySetupPayment(merchant, PaymentId.of("pay_setup_1"))).contains(saved);
        assertThat(mandates.find(merchant, noLimitNoCharges.id())).contains(savedBare);
        assertThat(mandates.find(newMerchant("mer_man_other"), full.id())).isEmpty();
    }

    @Test
    void aSecondMandateOfOneSetupPaymentIsADuplicate() {
        // given
        Versioned<Mandate> first = mandates.save(Versioned.fresh(mandate("man_1", "pay_setup", "cus_1", T0))).get();

        // when
        Either<StorageConflict, Versioned<Mandate>> second = mandates.save(
                Versioned.fresh(mandate("man_2", "pay_setup", "cus_1", T0)));
        Either<StorageConflict, Versioned<Mandate>> sameId = mandates.save(
                Versioned.fresh(mandate("man_1", "pay_other", "cus_1", T0)));

        // then
        assertThat(second.getLeft().kind()).isEqualTo(StorageConflict.Kind.DUPLICATE_ID);
        assertThat(sameId.getLeft().kind()).isEqualTo(StorageConflict.Kind.DUPLICATE_ID);
        assertThat(mandates.find(merchant, MandateId.of("man_2"))).isEmpty();
        assertThat(mandates.findBySetupPayment(merchant, PaymentId.of("pay_setup"))).contains(first);
    }

    @Test
    void theCurrentVersionIsReplacedAndAStaleOneIsAConflict() {
        // given
        Versioned<Mandate> first = mandates.save(Versioned.fresh(mandate("man_1", "pay_setup", "cus_1", T0))).get();
        Mandate revoked = first.value().revoke(T0.plusSeconds(60)).get();

        // when
        Either<StorageConflict, Versioned<Mandate>> second = mandates.save(first.with(revoked));
        Either<StorageConflict, Versioned<Mandate>> stale = mandates.save(first.with(revoked));
        Either<StorageConflict, Versioned<Mandate>> neverStored = mandates.save(
                new Versioned<>(mandate("man_9", "pay_9", "cus_1", T0), 1));

        // then
        assertThat(second.get()).isEqualTo(new Versioned<>(revoked, 2));
        assertThat(stale.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
        assertThat(neverStored.getLeft().kind()).isEqualTo(StorageConflict.Kind.STALE_VERSION);
        assertThat(mandates.find(merchant, first.value().id())).contains(second.get());
    }

    @Test
    void aCustomersMandatesAreListedOldestFirst() {
        // given
        mandates.save(Versioned.fresh(mandate("man_b", "pay_b", "cus_1", T0.plusSeconds(10)))).get();
        mandates.save(Versioned.fresh(mandate("man_a", "pay_a", "cus_1", T0.plusSeconds(20)))).get();
        mandates.save(Versioned.fresh(mandate("man_c", "pay_c", "cus_1", T0))).get();
        mandates.save(Versioned.fresh(mandate("man_x", "pay_x", "cus_2", T0))).get();

        // then
        assertThat(mandates.forCustomer(merchant, "cus_1").map(m -> m.id().value()))
                .containsExactly("man_c", "man_b", "man_a");
        assertThat(mandates.forCustomer(merchant, "cus_3")).isEmpty();
    }
}
