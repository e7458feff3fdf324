package dev.tender.app.storage;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MandateStatus;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.Mandates;
import dev.tender.ports.out.StorageConflict;
import dev.tender.ports.out.Versioned;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * {@link Mandates} in the {@code mandates} table through {@link MandateRows} (Micronaut Data JDBC): optimistic
 * locking on its version column, and the unique key {@code (merchant_id, setup_payment_id)}: a second mandate of
 * one setup payment is a {@link StorageConflict.Kind#DUPLICATE_ID duplicate}, as a second mandate with the same id
 * is. The amount limit is kept in the mandate's currency (the domain requires them to agree).
 * Times are kept to the microsecond (the acceptance's time, in JSON, exactly); a save returns the
 * mandate as it reads back. Each call is one statement (a duplicate two) that joins a unit of work's transaction.
 */
@Singleton
public final class JdbcMandates implements Mandates {

    private final MandateRows rows;

    JdbcMandates(MandateRows rows) {
        this.rows = rows;
    }

    @Override
    public Option<Versioned<Mandate>> find(MerchantId merchantId, MandateId mandateId) {
        return Option.ofOptional(rows.findById(new MandateRow.Key(merchantId.value(), mandateId.value())))
                .map(JdbcMandates::mandate);
    }

    @Override
    public Option<Versioned<Mandate>> findBySetupPayment(MerchantId merchantId, PaymentId setupPaymentId) {
        return Option.ofOptional(rows.findByIdMerchantIdAndSetupPaymentId(merchantId.value(), setupPaymentId.value()))
                .map(JdbcMandates::mandate);
    }

    /** A conflict is answered, not thrown: thrown inside a unit of work it would roll the unit back. */
    @Override
    public Either<StorageConflict, Versioned<Mandate>> save(Versioned<Mandate> mandate) {
        Mandate value = asStored(mandate.value());
        if (mandate.version() == 0) {
            return insert(value);
        }
        try {
            return Either.right(mandate(rows.update(row(value, mandate.version()))));
        } catch (OptimisticLockException stale) {
            return Either.left(StorageConflict.stale("mandate " + value.id()));
        } catch (RuntimeException failure) {
            if (Sql.isUniqueViolation(failure)) {
                return Either.left(StorageConflict.duplicate("mandate of payment " + value.setupPaymentId()));
            }
            throw failure;
        }
    }

    /**
     * The mandates of the ids and those the setup payments set up, in one query: what a page of payments
     * charged or set up.
     */
    public List<Mandate> findAll(MerchantId merchantId, Collection<MandateId> mandateIds,
                                 Collection<PaymentId> setupPaymentIds) {
        if (mandateIds.isEmpty() && setupPaymentIds.isEmpty()) {
            return List.empty();
        }
        return List.ofAll(rows.findAll(merchantId.value(),
                        mandateIds.stream().map(MandateId::value).toArray(String[]::new),
                        setupPaymentIds.stream().map(PaymentId::value).toArray(String[]::new)))
                .map(row -> mandate(row).value());
    }

    @Override
    public List<Mandate> forCustomer(MerchantId merchantId, String customerId) {
        return List.ofAll(rows.forCustomer(merchantId.value(), customerId)).map(row -> mandate(row).value());
    }

    /** Either unique key taken (the id, or the setup payment's one mandate) is a duplicate. */
    private Either<StorageConflict, Versioned<Mandate>> insert(Mandate m) {
        MandateRow r = row(m, 1);
        if (rows.insertNew(r.id().merchantId(), r.id().mandateId(), r.customerId(), r.status(), r.mandateType(),
                r.amountLimit(), r.currency(), r.connectorAccountId(), r.connectorMandateReference(), r.acceptance(),
                r.setupPaymentId(), r.charges(), r.createdAt(), r.updatedAt()) == 1) {
            return Either.right(new Versioned<>(m, 1));
        }
        String what = rows.existsById(r.id()) ? "mandate " + m.id() : "mandate of payment " + m.setupPaymentId();
        return Either.left(StorageConflict.duplicate(what));
    }

    static Mandate asStored(Mandate m) {
        if (m.amountLimit().exists(limit -> !limit.currency().equals(m.currency()))) {
            throw new IllegalArgumentException("mandate " + m.id() + ": the amount limit must be in " + m.currency());
        }
        return new Mandate(m.id(), m.merchantId(), m.customerId(), m.status(), m.type(), m.amountLimit(),
                m.currency(), m.connector(), m.connectorMandateReference(), m.acceptance(), m.setupPaymentId(),
                m.charges(), Sql.micros(m.createdAt()), Sql.micros(m.updatedAt()));
    }

    private static MandateRow row(Mandate m, long version) {
        return new MandateRow(new MandateRow.Key(m.merchantId().value(), m.id().value()), m.customerId(),
                Wire.wire(m.status()), Wire.wire(m.type()), m.amountLimit().map(Money::minor).getOrNull(),
                m.currency().code(), m.connector(), m.connectorMandateReference(), JsonColumns.toRow(m.acceptance()),
                m.setupPaymentId().value(), m.charges().map(PaymentId::value).asJava(), m.createdAt(), m.updatedAt(),
                version);
    }

    private static Versioned<Mandate> mandate(MandateRow r) {
        Currency currency = Currency.of(r.currency());
        Mandate mandate = new Mandate(MandateId.of(r.id().mandateId()), MerchantId.of(r.id().merchantId()),
                r.customerId(), Wire.wire(MandateStatus.class, r.status()),
                Wire.wire(MandateType.class, r.mandateType()),
                Option.of(r.amountLimit()).map(limit -> Money.of(limit, currency)), currency, r.connectorAccountId(),
                r.connectorMandateReference(), JsonColumns.fromRow(r.acceptance()), PaymentId.of(r.setupPaymentId()),
                List.ofAll(r.charges()).map(PaymentId::of), r.createdAt(), r.updatedAt());
        return new Versioned<>(mandate, r.version());
    }
}
