package dev.tender.app.storage;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.RefundRecord;
import dev.tender.ports.out.Refunds;
import dev.tender.ports.out.StorageConflict;
import dev.tender.ports.out.Versioned;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * {@link Refunds} in the {@code refunds} table, with optimistic locking on its version column as
 * {@link JdbcPayments} does (version 0 inserts, an existing id is a duplicate; otherwise
 * {@code UPDATE … WHERE version = ?}, no row is stale). The refund's payment must be stored first.
 * Times are kept to the microsecond; a save returns the record as it reads back.
 */
@Singleton
public final class JdbcRefunds implements Refunds {

    private static final String COLUMNS = "merchant_id, refund_id, payment_id, amount, currency, status, reason, "
            + "connector_refund_id, error_code, error_message, created_at, updated_at, version";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    public JdbcRefunds(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                       ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
    }

    @Override
    public Option<Versioned<RefundRecord>> find(MerchantId merchantId, TransactionId refundId) {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM refunds WHERE merchant_id = ? AND refund_id = ?", statement -> {
                    statement.setString(1, merchantId.value());
                    statement.setString(2, refundId.value());
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Option.some(refund(rows)) : Option.<Versioned<RefundRecord>>none();
                    }
                }));
    }

    @Override
    public Either<StorageConflict, Versioned<RefundRecord>> save(Versioned<RefundRecord> refund) {
        RefundRecord value = asStored(refund.value());
        String what = "refund " + value.refundId();
        try {
            // a conflict is answered, not thrown: thrown inside a unit of work it would roll the unit back
            return transactions.executeWrite(status -> refund.version() == 0
                    ? insert(value, what)
                    : update(value, refund.version(), what)).map(version -> new Versioned<>(value, version));
        } catch (RuntimeException failure) {
            if (Sql.isUniqueViolation(failure)) {
                return Either.left(StorageConflict.duplicate(what));
            }
            throw failure;
        }
    }

    @Override
    public Page<RefundRecord> list(MerchantId merchantId, ListQuery query) {
        return transactions.executeRead(status -> {
            Keyset.Filter filter = Keyset.filter(jdbc, "refunds", "r", "refund_id", merchantId, query);
            String sql = "SELECT " + COLUMNS + " FROM refunds r WHERE r.merchant_id = ?" + filter.where()
                    + " ORDER BY " + filter.orderBy() + " LIMIT ?";
            java.util.List<RefundRecord> fetched = jdbc.prepareStatement(sql, statement -> {
                statement.setString(1, merchantId.value());
                statement.setInt(filter.bind(statement, 2), filter.fetch());
                java.util.List<RefundRecord> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(refund(rows).value());
                    }
                }
                return found;
            });
            return filter.page(fetched, query.limit());
        });
    }

    private Either<StorageConflict, Long> insert(RefundRecord r, String what) {
        int inserted = jdbc.prepareStatement("INSERT INTO refunds (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (merchant_id, refund_id) DO NOTHING", s -> {
                    s.setString(1, r.merchantId().value());
                    s.setString(2, r.refundId().value());
                    bindColumns(s, 3, r);
                    return s.executeUpdate();
                });
        return inserted == 0 ? Either.left(StorageConflict.duplicate(what)) : Either.right(1L);
    }

    private Either<StorageConflict, Long> update(RefundRecord r, long expected, String what) {
        Option<Long> version = jdbc.prepareStatement("UPDATE refunds SET payment_id = ?, amount = ?, currency = ?, "
                + "status = ?, reason = ?, connector_refund_id = ?, error_code = ?, error_message = ?, created_at = ?, "
                + "updated_at = ?, version = version + 1 WHERE merchant_id = ? AND refund_id = ? AND version = ? "
                + "RETURNING version", s -> {
                    int next = bindColumns(s, 1, r);
                    s.setString(next, r.merchantId().value());
                    s.setString(next + 1, r.refundId().value());
                    s.setLong(next + 2, expected);
                    try (ResultSet rows = s.executeQuery()) {
                        return rows.next() ? Option.some(rows.getLong(1)) : Option.<Long>none();
                    }
                });
        return version.toEither(() -> StorageConflict.stale(what));
    }

    /** payment_id … updated_at, from {@code first}; returns the next index. */
    private static int bindColumns(PreparedStatement s, int first, RefundRecord r) throws SQLException {
        int i = first;
        s.setString(i++, r.paymentId().value());
        s.setLong(i++, r.amount().minor());
        s.setString(i++, r.amount().currency().code());
        s.setString(i++, Wire.wire(r.status()));
        Sql.setString(s, i++, r.reason());
        Sql.setString(s, i++, r.connectorRefundId());
        Sql.setString(s, i++, r.failure().map(Failure::code));
        Sql.setString(s, i++, r.failure().map(Failure::message));
        Sql.setInstant(s, i++, r.createdAt());
        Sql.setInstant(s, i++, r.updatedAt());
        return i;
    }

    static RefundRecord asStored(RefundRecord r) {
        return new RefundRecord(r.refundId(), r.merchantId(), r.paymentId(), r.amount(), r.status(), r.reason(),
                r.connectorRefundId(), r.failure(), Sql.micros(r.createdAt()), Sql.micros(r.updatedAt()));
    }

    private static Versioned<RefundRecord> refund(ResultSet r) throws SQLException {
        RefundRecord record = new RefundRecord(TransactionId.of(Sql.string(r, "refund_id")),
                MerchantId.of(Sql.string(r, "merchant_id")), PaymentId.of(Sql.string(r, "payment_id")),
                Money.of(r.getLong("amount"), Currency.of(Sql.string(r, "currency"))),
                Wire.wire(RefundStatus.class, Sql.string(r, "status")), Sql.optionalString(r, "reason"),
                Sql.optionalString(r, "connector_refund_id"), JdbcPayments.failure(r, "error_code", "error_message"),
                Sql.instant(r, "created_at"), Sql.instant(r, "updated_at"));
        return new Versioned<>(record, r.getLong("version"));
    }
}
