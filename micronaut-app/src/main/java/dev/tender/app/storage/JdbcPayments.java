package dev.tender.app.storage;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.StorageConflict;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

/**
 * {@link Payments} in PostgreSQL: a {@code payments} row per payment, its transactions in the row as one JSON
 * array in list order (V10), so a save is one versioned statement on one row and a read is one row.
 *
 * <p>Optimistic locking: a payment of version 0 is inserted as version 1 (an existing id is a
 * {@link StorageConflict.Kind#DUPLICATE_ID duplicate}); any other version replaces the row only while its
 * version is still that one ({@code UPDATE … WHERE version = ?}; no row is
 * {@link StorageConflict.Kind#STALE_VERSION stale}).
 *
 * <p>Times are kept to the microsecond: what {@link #save} returns is the payment with its times truncated so,
 * exactly what a later {@link #find} returns. The authorization validity is kept in whole seconds (a
 * sub-second validity is refused).
 */
@Singleton
public final class JdbcPayments implements Payments {

    private static final String PAYMENT_COLUMNS = "p.merchant_id, p.payment_id, p.status, p.amount, p.currency, "
            + "p.capture_method, p.amount_authorized, p.amount_captured, p.payment_method, p.customer_id, "
            + "p.connector_account_id, p.capabilities, p.connector_transaction_id, p.order_reference, "
            + "p.next_action, p.error_code, p.error_message, p.mandate_setup, p.connector_mandate_reference, "
            + "p.mandate_id, p.metadata, p.authorization_validity_seconds, p.authorization_expires_at, "
            + "p.transactions, p.created_at, p.updated_at, p.version";

    /** Every column but the key and the version, in the order {@link #bindColumns} binds them. */
    private static final java.util.List<String> COLUMNS = java.util.List.of("status", "amount", "currency",
            "capture_method", "amount_authorized", "amount_captured", "payment_method", "customer_id",
            "connector_account_id", "capabilities", "connector_transaction_id", "order_reference", "next_action",
            "error_code", "error_message", "mandate_setup", "connector_mandate_reference", "mandate_id", "metadata",
            "authorization_validity_seconds", "authorization_expires_at", "transactions", "created_at",
            "updated_at");

    /** The placeholder of each column: the transactions are bound as text and stored as {@code json}. */
    private static final java.util.List<String> PLACEHOLDERS = COLUMNS.stream()
            .map(c -> c.equals("transactions") ? "?::json" : "?").toList();

    private static final String FIND = "SELECT " + PAYMENT_COLUMNS + " FROM payments p "
            + "WHERE p.merchant_id = ? AND p.payment_id = ?";

    /** A new payment; no row when the id exists already. */
    private static final String INSERT = "INSERT INTO payments (merchant_id, payment_id, " + String.join(", ", COLUMNS)
            + ", version) VALUES (?, ?, " + String.join(", ", PLACEHOLDERS) + ", 1) "
            + "ON CONFLICT (merchant_id, payment_id) DO NOTHING RETURNING version";

    /** A payment of the version read; no row when the version moved on. */
    private static final String UPDATE = "UPDATE payments SET " + String.join(", ",
            java.util.stream.IntStream.range(0, COLUMNS.size()).mapToObj(i -> COLUMNS.get(i) + " = "
                    + PLACEHOLDERS.get(i)).toList())
            + ", version = version + 1 WHERE merchant_id = ? AND payment_id = ? AND version = ? RETURNING version";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    private final JsonColumns json;

    public JdbcPayments(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                        ConnectionOperations<Connection> connections, JsonColumns json) {
        this.json = json;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
    }

    @Override
    public Option<Payment> find(MerchantId merchantId, PaymentId paymentId) {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement(FIND, statement -> {
            statement.setString(1, merchantId.value());
            statement.setString(2, paymentId.value());
            return Option.ofOptional(read(statement).stream().findFirst());
        }));
    }

    /** The payments of the ids that exist, in one query. */
    public List<Payment> findAll(MerchantId merchantId, java.util.Collection<PaymentId> paymentIds) {
        if (paymentIds.isEmpty()) {
            return List.empty();
        }
        String sql = "SELECT " + PAYMENT_COLUMNS + " FROM payments p"
                + " WHERE p.merchant_id = ? AND p.payment_id = ANY (?) ORDER BY p.payment_id";
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, merchantId.value());
            statement.setArray(2, statement.getConnection().createArrayOf("varchar",
                    paymentIds.stream().map(PaymentId::value).toArray()));
            return List.ofAll(read(statement));
        }));
    }

    @Override
    public Either<StorageConflict, Payment> save(Payment payment) {
        Payment stored = asStored(payment);
        try {
            // a conflict is answered, not thrown: thrown inside a unit of work it would roll the unit back.
            // One statement, atomic by itself: no transaction of its own (inside a unit of work, the unit's)
            return Sql.oneStatement(connections, () -> stored.version() == 0 ? insert(stored) : update(stored))
                    .map(stored::withVersion);
        } catch (RuntimeException failure) {
            if (Sql.isUniqueViolation(failure)) {
                return Either.left(StorageConflict.duplicate("payment " + payment.id()));
            }
            throw failure;
        }
    }

    @Override
    public Page<Payment> list(MerchantId merchantId, ListQuery query) {
        return transactions.executeRead(status -> {
            Keyset.Filter filter = Keyset.filter(jdbc, "payments", "p", "payment_id", merchantId, query);
            String sql = "SELECT " + PAYMENT_COLUMNS + " FROM payments p WHERE p.merchant_id = ?" + filter.where()
                    + " ORDER BY " + filter.orderBy() + " LIMIT ?";
            java.util.List<Payment> fetched = jdbc.prepareStatement(sql, statement -> {
                statement.setString(1, merchantId.value());
                int next = filter.bind(statement, 2);
                statement.setInt(next, filter.fetch());
                return read(statement);
            });
            return filter.page(fetched, query.limit());
        });
    }

    /**
     * Lapsed and capturable, with no operation in flight (refunds aside), across merchants: the index
     * {@code payments_due_for_expiry} (V8) serves it. No lock is taken: the instances that find the same
     * payment all try to begin its expiry, and the version check lets one of them save it.
     */
    @Override
    public List<Payment> dueForExpiry(Instant now, int limit) {
        String sql = "SELECT " + PAYMENT_COLUMNS + " FROM payments p"
                + " WHERE p.status IN (?, ?) AND p.authorization_expires_at <= ? AND NOT EXISTS (SELECT 1"
                + " FROM json_array_elements(p.transactions) o WHERE o ->> 'kind' <> ? AND o ->> 'status' IN (?, ?))"
                + " ORDER BY p.authorization_expires_at, p.merchant_id, p.payment_id LIMIT ?";
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, Wire.wire(PaymentStatus.REQUIRES_CAPTURE));
            statement.setString(2, Wire.wire(PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE));
            Sql.setInstant(statement, 3, now);
            statement.setString(4, Wire.wire(TransactionKind.REFUND));
            statement.setString(5, Wire.wire(TransactionStatus.PENDING));
            statement.setString(6, Wire.wire(TransactionStatus.UNKNOWN));
            statement.setInt(7, limit);
            return List.ofAll(read(statement));
        }));
    }

    // ---------------------------------------------------------------- writing

    private Either<StorageConflict, Long> insert(Payment payment) {
        Option<Long> version = jdbc.prepareStatement(INSERT, statement -> {
            statement.setString(1, payment.merchantId().value());
            statement.setString(2, payment.id().value());
            bindColumns(statement, 3, payment);
            return version(statement);
        });
        return version.toEither(() -> StorageConflict.duplicate("payment " + payment.id()));
    }

    private Either<StorageConflict, Long> update(Payment payment) {
        Option<Long> version = jdbc.prepareStatement(UPDATE, statement -> {
            int next = bindColumns(statement, 1, payment);
            statement.setString(next++, payment.merchantId().value());
            statement.setString(next++, payment.id().value());
            statement.setLong(next, payment.version());
            return version(statement);
        });
        return version.toEither(() -> StorageConflict.stale("payment " + payment.id()));
    }

    private static Option<Long> version(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Option.some(rows.getLong(1)) : Option.none();
        }
    }

    private int bindColumns(PreparedStatement s, int first, Payment p) throws SQLException {
        int i = first;
        s.setString(i++, Wire.wire(p.status()));
        s.setLong(i++, p.amount().minor());
        s.setString(i++, p.amount().currency().code());
        s.setString(i++, Wire.wire(p.captureMethod()));
        s.setLong(i++, p.authorized().minor());
        s.setLong(i++, p.captured().minor());
        s.setString(i++, p.paymentMethod().map(json::paymentMethod).getOrNull());
        Sql.setString(s, i++, p.customerId());
        Sql.setString(s, i++, p.connector());
        s.setString(i++, json.capabilities(p.capabilities()));
        Sql.setString(s, i++, p.connectorTransactionId());
        Sql.setString(s, i++, p.orderReference());
        s.setString(i++, p.nextAction().map(json::redirect).getOrNull());
        Sql.setString(s, i++, p.failure().map(Failure::code));
        Sql.setString(s, i++, p.failure().map(Failure::message));
        s.setString(i++, p.mandateSetup().map(json::mandateSetup).getOrNull());
        Sql.setString(s, i++, p.connectorMandateReference());
        Sql.setString(s, i++, p.mandateId().map(MandateId::value));
        s.setString(i++, json.stringMap(p.metadata()));
        s.setLong(i++, p.authorizationValidity().getSeconds());
        Sql.setInstant(s, i++, p.authorizationExpiresAt());
        s.setString(i++, json.transactions(p.transactions()));
        Sql.setInstant(s, i++, p.createdAt());
        Sql.setInstant(s, i++, p.updatedAt());
        return i;
    }

    /**
     * The payment as it will read back: times to the microsecond. A validity that is not whole seconds
     * is refused rather than changed, since it would move the authorization's expiry.
     */
    static Payment asStored(Payment p) {
        Duration validity = p.authorizationValidity();
        if (validity.getNano() != 0) {
            throw new IllegalArgumentException("the authorization validity is stored in whole seconds: " + validity);
        }
        return new Payment(p.id(), p.merchantId(), p.amount(), p.captureMethod(), p.status(), p.authorized(),
                p.captured(), p.paymentMethod(), p.customerId(), p.connector(), p.capabilities(),
                p.connectorTransactionId(), p.orderReference(), p.nextAction(), p.failure(), p.mandateSetup(),
                p.connectorMandateReference(), p.mandateId(), p.metadata(), validity,
                p.authorizationExpiresAt().map(Sql::micros), p.transactions().map(JdbcPayments::asStored),
                Sql.micros(p.createdAt()), Sql.micros(p.updatedAt()), p.version());
    }

    private static Transaction asStored(Transaction t) {
        return new Transaction(t.id(), t.kind(), t.status(), t.amount(), t.statusAtBegin(), t.finalCapture(),
                t.reference(), t.failure(), t.redirect(), t.review(), t.reason(), t.answered(),
                Sql.micros(t.createdAt()), Sql.micros(t.observedAt()));
    }

    // ---------------------------------------------------------------- reading

    /** A payment from each row, in the rows' order. */
    private java.util.List<Payment> read(PreparedStatement statement) throws SQLException {
        java.util.List<Payment> payments = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                payments.add(payment(rows));
            }
        }
        return payments;
    }

    private Payment payment(ResultSet r) throws SQLException {
        Currency currency = Currency.of(Sql.string(r, "currency"));
        return new Payment(PaymentId.of(Sql.string(r, "payment_id")), MerchantId.of(Sql.string(r, "merchant_id")),
                Money.of(r.getLong("amount"), currency),
                Wire.wire(CaptureMethod.class, Sql.string(r, "capture_method")),
                Wire.wire(PaymentStatus.class, Sql.string(r, "status")),
                Money.of(r.getLong("amount_authorized"), currency), Money.of(r.getLong("amount_captured"), currency),
                Sql.optionalString(r, "payment_method").map(json::paymentMethod),
                Sql.optionalString(r, "customer_id"), Sql.optionalString(r, "connector_account_id"),
                json.capabilities(Sql.string(r, "capabilities")),
                Sql.optionalString(r, "connector_transaction_id"), Sql.optionalString(r, "order_reference"),
                Sql.optionalString(r, "next_action").map(json::redirect),
                failure(r, "error_code", "error_message"),
                Sql.optionalString(r, "mandate_setup").map(json::mandateSetup),
                Sql.optionalString(r, "connector_mandate_reference"),
                Sql.optionalString(r, "mandate_id").map(MandateId::of),
                json.stringMap(Sql.string(r, "metadata")),
                Duration.ofSeconds(r.getLong("authorization_validity_seconds")),
                Sql.optionalInstant(r, "authorization_expires_at"), json.transactions(Sql.string(r, "transactions")),
                Sql.instant(r, "created_at"),
                Sql.instant(r, "updated_at"), r.getLong("version"));
    }

    static Option<Failure> failure(ResultSet r, String codeColumn, String messageColumn) throws SQLException {
        String code = r.getString(codeColumn);
        return code == null ? Option.none() : Option.some(new Failure(code, Sql.string(r, messageColumn)));
    }
}
