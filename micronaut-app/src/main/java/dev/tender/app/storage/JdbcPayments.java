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
import dev.tender.domain.payment.TransactionId;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Payments} in PostgreSQL: a {@code payments} row per payment and a {@code payment_transactions}
 * row per transaction (in list order, by {@code position}), written together in one statement (a
 * {@code WITH} of the payment's insert or update and its transactions' upsert), so a save is one round trip
 * whatever the number of transactions, and atomic without a transaction of its own.
 *
 * <p>Optimistic locking: a payment of version 0 is inserted as version 1 (an existing id is a
 * {@link StorageConflict.Kind#DUPLICATE_ID duplicate}); any other version replaces the row only while its
 * version is still that one ({@code UPDATE … WHERE version = ?}; no row is
 * {@link StorageConflict.Kind#STALE_VERSION stale}), and then its transactions are upserted (and any
 * the payment no longer lists are deleted, so the rows always mirror the payment); a transaction listed
 * again unchanged is not rewritten.
 *
 * <p>Reads are single statements (the payment joined with its transactions), so a payment is never
 * read half-way through someone else's save. Times are kept to the microsecond: what {@link #save}
 * returns is the payment with its times truncated so, exactly what a later {@link #find} returns.
 * The authorization validity is kept in whole seconds (a sub-second validity is refused).
 */
@Singleton
public final class JdbcPayments implements Payments {

    private static final String PAYMENT_COLUMNS = "p.merchant_id, p.payment_id, p.status, p.amount, p.currency, "
            + "p.capture_method, p.amount_authorized, p.amount_captured, p.payment_method, p.customer_id, "
            + "p.connector_account_id, p.capabilities, p.connector_transaction_id, p.order_reference, "
            + "p.next_action, p.error_code, p.error_message, p.mandate_setup, p.connector_mandate_reference, "
            + "p.mandate_id, p.metadata, p.authorization_validity_seconds, p.authorization_expires_at, "
            + "p.created_at, p.updated_at, p.version";

    private static final String TRANSACTION_COLUMNS = "t.transaction_id AS t_transaction_id, "
            + "t.kind AS t_kind, t.status AS t_status, t.amount AS t_amount, t.currency AS t_currency, "
            + "t.status_at_begin AS t_status_at_begin, t.final_capture AS t_final_capture, "
            + "t.reference AS t_reference, t.error_code AS t_error_code, t.error_message AS t_error_message, "
            + "t.redirect AS t_redirect, t.review AS t_review, t.reason AS t_reason, t.answered AS t_answered, "
            + "t.created_at AS t_created_at, t.observed_at AS t_observed_at";

    private static final String JOIN_TRANSACTIONS = " LEFT JOIN payment_transactions t "
            + "ON t.merchant_id = p.merchant_id AND t.payment_id = p.payment_id";

    /** Every column but the key and the version, in the order {@link #bindColumns} binds them. */
    private static final java.util.List<String> COLUMNS = java.util.List.of("status", "amount", "currency",
            "capture_method", "amount_authorized", "amount_captured", "payment_method", "customer_id",
            "connector_account_id", "capabilities", "connector_transaction_id", "order_reference", "next_action",
            "error_code", "error_message", "mandate_setup", "connector_mandate_reference", "mandate_id", "metadata",
            "authorization_validity_seconds", "authorization_expires_at", "created_at", "updated_at");

    private static final java.util.List<String> TRANSACTION_UPDATABLE = java.util.List.of("position", "kind",
            "status", "amount", "currency", "status_at_begin", "final_capture", "reference", "error_code",
            "error_message", "redirect", "review", "reason", "answered", "created_at", "observed_at");

    /** The transaction columns' types, for the arrays their values are bound in (all bound as text). */
    private static final java.util.List<String> TRANSACTION_TYPES = java.util.List.of("integer", "text", "text",
            "bigint", "text", "text", "boolean", "text", "text", "text", "text", "boolean", "text", "boolean",
            "timestamptz", "timestamptz");

    /**
     * The payment's transactions, written with the payment in the same statement ({@code p} is the
     * payment's own insert or update): one array per column, unnested to rows; a row the payment lists
     * again unchanged is left alone (no new row version, no log), and nothing is written unless {@code p}
     * wrote the payment.
     */
    private static final String WRITE_TRANSACTIONS = ", tx AS (INSERT INTO payment_transactions (merchant_id, "
            + "payment_id, transaction_id, " + String.join(", ", TRANSACTION_UPDATABLE) + ") SELECT ?, ?, "
            + "x.transaction_id, " + String.join(", ", java.util.stream.IntStream.range(0, TRANSACTION_UPDATABLE
                    .size()).mapToObj(i -> "x." + TRANSACTION_UPDATABLE.get(i) + "::" + TRANSACTION_TYPES.get(i))
                    .toList())
            + " FROM unnest(" + "?::text[], ".repeat(TRANSACTION_UPDATABLE.size()) + "?::text[]) AS x("
            + "transaction_id, " + String.join(", ", TRANSACTION_UPDATABLE) + ") WHERE EXISTS (SELECT 1 FROM p)"
            + " ON CONFLICT (merchant_id, payment_id, transaction_id) DO UPDATE SET "
            + String.join(", ", TRANSACTION_UPDATABLE.stream().map(c -> c + " = EXCLUDED." + c).toList())
            + " WHERE (" + String.join(", ", TRANSACTION_UPDATABLE.stream().map(c -> "payment_transactions." + c)
                    .toList()) + ") IS DISTINCT FROM ("
            + String.join(", ", TRANSACTION_UPDATABLE.stream().map(c -> "EXCLUDED." + c).toList()) + "))"
            + " SELECT version FROM p";

    /** A new payment and its transactions, one statement; no row when the id exists already. */
    private static final String INSERT = "WITH p AS (INSERT INTO payments (merchant_id, payment_id, "
            + String.join(", ", COLUMNS) + ", version) VALUES (?, ?, " + "?, ".repeat(COLUMNS.size())
            + "1) ON CONFLICT (merchant_id, payment_id) DO NOTHING RETURNING version)" + WRITE_TRANSACTIONS;

    /**
     * A payment of the version read, its transactions and the removal of those it no longer lists, one
     * statement; no row when the version moved on.
     */
    private static final String UPDATE = "WITH p AS (UPDATE payments SET " + String.join(" = ?, ", COLUMNS)
            + " = ?, version = version + 1 WHERE merchant_id = ? AND payment_id = ? AND version = ? RETURNING version)"
            + ", gone AS (DELETE FROM payment_transactions WHERE merchant_id = ? AND payment_id = ? "
            + "AND NOT (transaction_id = ANY (?::text[])) AND EXISTS (SELECT 1 FROM p))" + WRITE_TRANSACTIONS;

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
        String sql = "SELECT " + PAYMENT_COLUMNS + ", " + TRANSACTION_COLUMNS + " FROM payments p"
                + JOIN_TRANSACTIONS + " WHERE p.merchant_id = ? AND p.payment_id = ? ORDER BY t.position";
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement(sql, statement -> {
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
        String sql = "SELECT " + PAYMENT_COLUMNS + ", " + TRANSACTION_COLUMNS + " FROM payments p"
                + JOIN_TRANSACTIONS + " WHERE p.merchant_id = ? AND p.payment_id = ANY (?)"
                + " ORDER BY p.payment_id, t.position";
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
            String sql = "WITH page AS (SELECT * FROM payments p WHERE p.merchant_id = ?" + filter.where()
                    + " ORDER BY " + filter.orderBy() + " LIMIT ?) SELECT " + PAYMENT_COLUMNS + ", "
                    + TRANSACTION_COLUMNS + " FROM page p" + JOIN_TRANSACTIONS + " ORDER BY " + filter.orderBy()
                    + ", t.position";
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
        String sql = "WITH due AS (SELECT p.merchant_id, p.payment_id, p.authorization_expires_at FROM payments p"
                + " WHERE p.status IN (?, ?) AND p.authorization_expires_at <= ? AND NOT EXISTS (SELECT 1"
                + " FROM payment_transactions o WHERE o.merchant_id = p.merchant_id AND o.payment_id = p.payment_id"
                + " AND o.kind <> ? AND o.status IN (?, ?)) ORDER BY p.authorization_expires_at LIMIT ?)"
                + " SELECT " + PAYMENT_COLUMNS + ", " + TRANSACTION_COLUMNS + " FROM due d JOIN payments p"
                + " ON p.merchant_id = d.merchant_id AND p.payment_id = d.payment_id" + JOIN_TRANSACTIONS
                + " ORDER BY d.authorization_expires_at, p.merchant_id, p.payment_id, t.position";
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
            int next = bindColumns(statement, 3, payment);
            bindTransactions(statement, next, payment);
            return version(statement);
        });
        return version.toEither(() -> StorageConflict.duplicate("payment " + payment.id()));
    }

    private Either<StorageConflict, Long> update(Payment payment) {
        Option<Long> version = jdbc.prepareStatement(UPDATE, statement -> {
            int next = bindColumns(statement, 1, payment);
            statement.setString(next++, payment.merchantId().value());
            statement.setString(next++, payment.id().value());
            statement.setLong(next++, payment.version());
            statement.setString(next++, payment.merchantId().value());
            statement.setString(next++, payment.id().value());
            statement.setArray(next++, statement.getConnection().createArrayOf("text",
                    payment.transactions().map(tx -> tx.id().value()).toJavaArray(String[]::new)));
            bindTransactions(statement, next, payment);
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
        Sql.setInstant(s, i++, p.createdAt());
        Sql.setInstant(s, i++, p.updatedAt());
        return i;
    }

    /** The merchant and payment ids, then one array per transaction column, in {@link #WRITE_TRANSACTIONS}' order. */
    private void bindTransactions(PreparedStatement s, int first, Payment payment) throws SQLException {
        int columns = TRANSACTION_UPDATABLE.size() + 1;
        String[][] values = new String[columns][payment.transactions().size()];
        int row = 0;
        for (Transaction tx : payment.transactions()) {
            String[] v = transactionValues(tx, row);
            for (int c = 0; c < columns; c++) {
                values[c][row] = v[c];
            }
            row++;
        }
        int i = first;
        s.setString(i++, payment.merchantId().value());
        s.setString(i++, payment.id().value());
        for (String[] column : values) {
            s.setArray(i++, s.getConnection().createArrayOf("text", column));
        }
    }

    /** The transaction's id and columns as text, in {@link #TRANSACTION_UPDATABLE}'s order. */
    private String[] transactionValues(Transaction tx, int position) {
        return new String[] {tx.id().value(), Integer.toString(position), Wire.wire(tx.kind()),
            Wire.wire(tx.status()), Long.toString(tx.amount().minor()), tx.amount().currency().code(),
            Wire.wire(tx.statusAtBegin()), Boolean.toString(tx.finalCapture()), tx.reference().getOrNull(),
            tx.failure().map(Failure::code).getOrNull(), tx.failure().map(Failure::message).getOrNull(),
            tx.redirect().map(json::redirect).getOrNull(), Boolean.toString(tx.review()),
            tx.reason().getOrNull(), Boolean.toString(tx.answered()), timestamp(tx.createdAt()),
            timestamp(tx.observedAt())};
    }

    private static String timestamp(Instant instant) {
        return java.time.OffsetDateTime.ofInstant(Sql.micros(instant), java.time.ZoneOffset.UTC).toString();
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

    /** Payments from rows of a payment joined with its transactions, in the rows' order. */
    private java.util.List<Payment> read(PreparedStatement statement) throws SQLException {
        Map<String, Payment> payments = new LinkedHashMap<>();
        Map<String, java.util.List<Transaction>> transactionsOf = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("payment_id");
                if (!payments.containsKey(id)) {
                    payments.put(id, payment(rows));
                    transactionsOf.put(id, new ArrayList<>());
                }
                if (rows.getString("t_transaction_id") != null) {
                    transactionsOf.get(id).add(transaction(rows));
                }
            }
        }
        java.util.List<Payment> result = new ArrayList<>(payments.size());
        payments.forEach((id, p) -> result.add(new Payment(p.id(), p.merchantId(), p.amount(), p.captureMethod(),
                p.status(), p.authorized(), p.captured(), p.paymentMethod(), p.customerId(), p.connector(),
                p.capabilities(), p.connectorTransactionId(), p.orderReference(), p.nextAction(), p.failure(),
                p.mandateSetup(), p.connectorMandateReference(), p.mandateId(), p.metadata(),
                p.authorizationValidity(), p.authorizationExpiresAt(), List.ofAll(transactionsOf.get(id)),
                p.createdAt(), p.updatedAt(), p.version())));
        return result;
    }

    /** The payment's own columns; its transactions are added by {@link #read}. */
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
                Sql.optionalInstant(r, "authorization_expires_at"), List.empty(), Sql.instant(r, "created_at"),
                Sql.instant(r, "updated_at"), r.getLong("version"));
    }

    private Transaction transaction(ResultSet r) throws SQLException {
        return new Transaction(TransactionId.of(Sql.string(r, "t_transaction_id")),
                Wire.wire(TransactionKind.class, Sql.string(r, "t_kind")),
                Wire.wire(TransactionStatus.class, Sql.string(r, "t_status")),
                Money.of(r.getLong("t_amount"), Currency.of(Sql.string(r, "t_currency"))),
                Wire.wire(PaymentStatus.class, Sql.string(r, "t_status_at_begin")),
                r.getBoolean("t_final_capture"), Sql.optionalString(r, "t_reference"),
                failure(r, "t_error_code", "t_error_message"),
                Sql.optionalString(r, "t_redirect").map(json::redirect), r.getBoolean("t_review"),
                Sql.optionalString(r, "t_reason"), r.getBoolean("t_answered"), Sql.instant(r, "t_created_at"),
                Sql.instant(r, "t_observed_at"));
    }

    static Option<Failure> failure(ResultSet r, String codeColumn, String messageColumn) throws SQLException {
        String code = r.getString(codeColumn);
        return code == null ? Option.none() : Option.some(new Failure(code, Sql.string(r, messageColumn)));
    }
}
