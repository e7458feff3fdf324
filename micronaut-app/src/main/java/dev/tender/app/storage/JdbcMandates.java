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
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;

/**
 * {@link Mandates} in the {@code mandates} table: optimistic locking on its version column, and the
 * unique key {@code (merchant_id, setup_payment_id)}: a second mandate of one setup payment is a
 * {@link StorageConflict.Kind#DUPLICATE_ID duplicate}, as a second mandate with the same id is.
 * The amount limit is kept in the mandate's currency (the domain requires them to agree).
 * Times are kept to the microsecond (the acceptance's time, in JSON, exactly); a save returns the
 * mandate as it reads back.
 */
@Singleton
public final class JdbcMandates implements Mandates {

    private static final String COLUMNS = "merchant_id, mandate_id, customer_id, status, mandate_type, amount_limit, "
            + "currency, connector_account_id, connector_mandate_reference, acceptance, setup_payment_id, charges, "
            + "created_at, updated_at, version";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    private final JsonColumns json;

    public JdbcMandates(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                        ConnectionOperations<Connection> connections, JsonColumns json) {
        this.json = json;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
    }

    @Override
    public Option<Versioned<Mandate>> find(MerchantId merchantId, MandateId mandateId) {
        return one("mandate_id", merchantId, mandateId.value());
    }

    @Override
    public Option<Versioned<Mandate>> findBySetupPayment(MerchantId merchantId, PaymentId setupPaymentId) {
        return one("setup_payment_id", merchantId, setupPaymentId.value());
    }

    private Option<Versioned<Mandate>> one(String keyColumn, MerchantId merchantId, String key) {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM mandates WHERE merchant_id = ? AND " + keyColumn + " = ?", statement -> {
                    statement.setString(1, merchantId.value());
                    statement.setString(2, key);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Option.some(mandate(rows)) : Option.<Versioned<Mandate>>none();
                    }
                }));
    }

    @Override
    public Either<StorageConflict, Versioned<Mandate>> save(Versioned<Mandate> mandate) {
        Mandate value = asStored(mandate.value());
        try {
            // a conflict is answered, not thrown: thrown inside a unit of work it would roll the unit back
            return transactions.executeWrite(status -> mandate.version() == 0
                    ? insert(value)
                    : update(value, mandate.version())).map(version -> new Versioned<>(value, version));
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
    public List<Mandate> findAll(MerchantId merchantId, java.util.Collection<MandateId> mandateIds,
                                 java.util.Collection<PaymentId> setupPaymentIds) {
        if (mandateIds.isEmpty() && setupPaymentIds.isEmpty()) {
            return List.empty();
        }
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT " + COLUMNS + " FROM mandates "
                + "WHERE merchant_id = ? AND (mandate_id = ANY (?) OR setup_payment_id = ANY (?))", statement -> {
                    statement.setString(1, merchantId.value());
                    statement.setArray(2, statement.getConnection().createArrayOf("varchar",
                            mandateIds.stream().map(MandateId::value).toArray()));
                    statement.setArray(3, statement.getConnection().createArrayOf("varchar",
                            setupPaymentIds.stream().map(PaymentId::value).toArray()));
                    java.util.List<Mandate> found = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(mandate(rows).value());
                        }
                    }
                    return List.ofAll(found);
                }));
    }

    @Override
    public List<Mandate> forCustomer(MerchantId merchantId, String customerId) {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT " + COLUMNS + " FROM mandates "
                + "WHERE merchant_id = ? AND customer_id = ? ORDER BY created_at, mandate_id COLLATE \"C\"",
                statement -> {
                    statement.setString(1, merchantId.value());
                    statement.setString(2, customerId);
                    java.util.List<Mandate> found = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(mandate(rows).value());
                        }
                    }
                    return List.ofAll(found);
                }));
    }

    /** Either unique key taken (the id, or the setup payment's one mandate) is a duplicate. */
    private Either<StorageConflict, Long> insert(Mandate m) {
        int inserted = jdbc.prepareStatement("INSERT INTO mandates (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING", s -> {
                    s.setString(1, m.merchantId().value());
                    s.setString(2, m.id().value());
                    bindColumns(s, 3, m);
                    return s.executeUpdate();
                });
        if (inserted == 0) {
            boolean sameId = jdbc.prepareStatement("SELECT 1 FROM mandates WHERE merchant_id = ? AND mandate_id = ?",
                    s -> {
                        s.setString(1, m.merchantId().value());
                        s.setString(2, m.id().value());
                        try (ResultSet rows = s.executeQuery()) {
                            return rows.next();
                        }
                    });
            String what = sameId ? "mandate " + m.id() : "mandate of payment " + m.setupPaymentId();
            return Either.left(StorageConflict.duplicate(what));
        }
        return Either.right(1L);
    }

    private Either<StorageConflict, Long> update(Mandate m, long expected) {
        Option<Long> version = jdbc.prepareStatement("UPDATE mandates SET customer_id = ?, status = ?, "
                + "mandate_type = ?, amount_limit = ?, currency = ?, connector_account_id = ?, "
                + "connector_mandate_reference = ?, acceptance = ?, setup_payment_id = ?, charges = ?, created_at = ?, "
                + "updated_at = ?, version = version + 1 WHERE merchant_id = ? AND mandate_id = ? AND version = ? "
                + "RETURNING version", s -> {
                    int next = bindColumns(s, 1, m);
                    s.setString(next, m.merchantId().value());
                    s.setString(next + 1, m.id().value());
                    s.setLong(next + 2, expected);
                    try (ResultSet rows = s.executeQuery()) {
                        return rows.next() ? Option.some(rows.getLong(1)) : Option.<Long>none();
                    }
                });
        return version.toEither(() -> StorageConflict.stale("mandate " + m.id()));
    }

    /** customer_id … updated_at, from {@code first}; returns the next index. */
    private int bindColumns(PreparedStatement s, int first, Mandate m) throws SQLException {
        int i = first;
        s.setString(i++, m.customerId());
        s.setString(i++, Wire.wire(m.status()));
        s.setString(i++, Wire.wire(m.type()));
        if (m.amountLimit().isDefined()) {
            s.setLong(i++, m.amountLimit().get().minor());
        } else {
            s.setNull(i++, Types.BIGINT);
        }
        s.setString(i++, m.currency().code());
        s.setString(i++, m.connector());
        s.setString(i++, m.connectorMandateReference());
        s.setString(i++, json.acceptance(m.acceptance()));
        s.setString(i++, m.setupPaymentId().value());
        s.setString(i++, json.paymentIds(m.charges()));
        Sql.setInstant(s, i++, m.createdAt());
        Sql.setInstant(s, i++, m.updatedAt());
        return i;
    }

    static Mandate asStored(Mandate m) {
        if (m.amountLimit().exists(limit -> !limit.currency().equals(m.currency()))) {
            throw new IllegalArgumentException("mandate " + m.id() + ": the amount limit must be in " + m.currency());
        }
        return new Mandate(m.id(), m.merchantId(), m.customerId(), m.status(), m.type(), m.amountLimit(),
                m.currency(), m.connector(), m.connectorMandateReference(), m.acceptance(), m.setupPaymentId(),
                m.charges(), Sql.micros(m.createdAt()), Sql.micros(m.updatedAt()));
    }

    private Versioned<Mandate> mandate(ResultSet r) throws SQLException {
        Currency currency = Currency.of(Sql.string(r, "currency"));
        long limit = r.getLong("amount_limit");
        Option<Money> amountLimit = r.wasNull() ? Option.none() : Option.some(Money.of(limit, currency));
        Mandate mandate = new Mandate(MandateId.of(Sql.string(r, "mandate_id")),
                MerchantId.of(Sql.string(r, "merchant_id")), Sql.string(r, "customer_id"),
                Wire.wire(MandateStatus.class, Sql.string(r, "status")),
                Wire.wire(MandateType.class, Sql.string(r, "mandate_type")), amountLimit, currency,
                Sql.string(r, "connector_account_id"), Sql.string(r, "connector_mandate_reference"),
                json.acceptance(Sql.string(r, "acceptance")), PaymentId.of(Sql.string(r, "setup_payment_id")),
                json.paymentIds(Sql.string(r, "charges")), Sql.instant(r, "created_at"),
                Sql.instant(r, "updated_at"));
        return new Versioned<>(mandate, r.getLong("version"));
    }
}
