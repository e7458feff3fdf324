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
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.OutboxEvent;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.PaymentEffects;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.RefundRecord;
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
import java.util.function.Consumer;

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

    /**
     * The effects of a change ({@link PaymentEffects}), written by the statement that writes the payment
     * ({@code p}) and only when it did: the reconciler's new tasks, the removal of settled ones, the refund
     * records (never over another payment's refund of that id: the statement returns how many it wrote), the
     * outbox events in their order. One array per column; a kind of effect the change has none of is left out
     * of the statement, so there are sixteen statements' texts, each prepared once per connection.
     */
    private static final String QUEUED = "queued AS (INSERT INTO reconciliation_tasks (merchant_id, payment_id, "
            + "transaction_id, attempts, due_at) SELECT ?, ?, x.id, x.attempts::integer, x.due::timestamptz "
            + "FROM unnest(?::text[], ?::text[], ?::text[]) AS x(id, attempts, due) WHERE EXISTS (SELECT 1 FROM p) "
            + "ON CONFLICT (merchant_id, payment_id, transaction_id) DO NOTHING)";

    private static final String SETTLED = "settled AS (DELETE FROM reconciliation_tasks WHERE merchant_id = ? "
            + "AND payment_id = ? AND transaction_id = ANY (?::text[]) AND EXISTS (SELECT 1 FROM p))";

    private static final String REFUNDED = "refunded AS (INSERT INTO refunds (merchant_id, refund_id, payment_id, "
            + "amount, currency, status, reason, connector_refund_id, error_code, error_message, created_at, "
            + "updated_at, version) SELECT ?, x.id, ?, x.amount::bigint, x.currency, x.status, x.reason, x.reference, "
            + "x.code, x.message, x.created::timestamptz, x.updated::timestamptz, 1 FROM unnest("
            + "?::text[], ".repeat(9) + "?::text[]) AS x(id, amount, currency, status, reason, reference, code, "
            + "message, created, updated) WHERE EXISTS (SELECT 1 FROM p) "
            + "ON CONFLICT (merchant_id, refund_id) DO UPDATE SET amount = EXCLUDED.amount, "
            + "currency = EXCLUDED.currency, "
            + "status = EXCLUDED.status, reason = EXCLUDED.reason, connector_refund_id = EXCLUDED.connector_refund_id, "
            + "error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message, "
            + "created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, version = refunds.version + 1 "
            + "WHERE refunds.payment_id = EXCLUDED.payment_id RETURNING 1)";

    /**
     * Each event, due for its webhook at once with the payment's row as this statement wrote it (V11: what the
     * webhook shows) when the merchant has a webhook URL; otherwise kept as {@code skipped}, without the row: an
     * event no webhook will take costs neither the copy nor the delivery job's claim.
     */
    private static final String ANNOUNCED = "hooked AS (SELECT coalesce(bool_or((m.settings::json -> "
            + "'webhook_details' ->> 'webhook_url') IS NOT NULL), false) AS yes FROM merchants m JOIN p "
            + "ON m.merchant_id = p.merchant_id WHERE m.deleted_at IS NULL), "
            + "announced AS (INSERT INTO outbox (event_id, merchant_id, event_type, "
            + "payment_id, refund_id, payment_status, occurred_at, payment, status, next_attempt_at) SELECT x.id, ?, "
            + "x.type, ?, x.refund, x.status, x.at::timestamptz, CASE WHEN h.yes THEN (SELECT row_to_json(p) FROM p) "
            + "END, CASE WHEN h.yes THEN 'pending' ELSE 'skipped' END, CASE WHEN h.yes THEN x.at::timestamptz END "
            + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY "
            + "AS x(id, type, refund, status, at, n) CROSS JOIN hooked h WHERE EXISTS (SELECT 1 FROM p) ORDER BY x.n "
            + "ON CONFLICT (event_id) DO NOTHING)";

    /** By {@link #shape}: the insert's statement, then the update's. */
    private static final String[][] WITH_EFFECTS = new String[2][16];

    static {
        for (int shape = 0; shape < 16; shape++) {
            StringBuilder effects = new StringBuilder();
            String[] parts = {QUEUED, SETTLED, REFUNDED, ANNOUNCED};
            for (int kind = 0; kind < parts.length; kind++) {
                if ((shape & (1 << kind)) != 0) {
                    effects.append(", ").append(parts[kind]);
                }
            }
            effects.append((shape & 4) != 0 ? " SELECT version, (SELECT count(*) FROM refunded) FROM p"
                    : " SELECT version, 0 FROM p");
            // the whole row returned: the events keep it
            WITH_EFFECTS[0][shape] = "WITH p AS (" + INSERT.replace("RETURNING version", "RETURNING *") + ")" + effects;
            WITH_EFFECTS[1][shape] = "WITH p AS (" + UPDATE.replace("RETURNING version", "RETURNING *") + ")" + effects;
        }
    }

    /** Which kinds of effect the change has: 1 queued, 2 settled, 4 refunds, 8 events. */
    private static int shape(PaymentEffects e) {
        return (e.queued().isEmpty() ? 0 : 1) | (e.settled().isEmpty() ? 0 : 2) | (e.refunds().isEmpty() ? 0 : 4)
                | (e.events().isEmpty() ? 0 : 8);
    }

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

    /**
     * The payment and its effects in one statement (in the caller's unit of work, else a transaction of its
     * own): one round trip per half of an operation. A refund id another payment of the merchant holds is
     * refused by throwing, which rolls the whole unit back, as the port's default would.
     */
    @Override
    public Either<StorageConflict, Payment> save(Payment payment, PaymentEffects effects,
                                                 Consumer<PaymentEffects> writeEffects) {
        if (effects.isEmpty()) {
            return save(payment);
        }
        Payment stored = asStored(payment);
        try {
            String sql = WITH_EFFECTS[stored.version() == 0 ? 0 : 1][shape(effects)];
            return transactions.executeWrite(status -> jdbc.prepareStatement(sql, statement -> {
                        int next;
                        if (stored.version() == 0) {
                            statement.setString(1, stored.merchantId().value());
                            statement.setString(2, stored.id().value());
                            next = bindColumns(statement, 3, stored);
                        } else {
                            next = bindColumns(statement, 1, stored);
                            statement.setString(next++, stored.merchantId().value());
                            statement.setString(next++, stored.id().value());
                            statement.setLong(next++, stored.version());
                        }
                        bindEffects(statement, next, effects);
                        try (ResultSet rows = statement.executeQuery()) {
                            if (!rows.next()) {
                                return Either.<StorageConflict, Payment>left(stored.version() == 0
                                        ? StorageConflict.duplicate("payment " + stored.id())
                                        : StorageConflict.stale("payment " + stored.id()));
                            }
                            if (rows.getLong(2) != effects.refunds().size()) {
                                throw new IllegalStateException("a refund id of payment " + stored.id()
                                        + " belongs to another payment");
                            }
                            return Either.<StorageConflict, Payment>right(stored.withVersion(rows.getLong(1)));
                        }
                    }));
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

    /** The parameters of the effects {@link #shape} includes, from {@code first}. */
    private static void bindEffects(PreparedStatement s, int first, PaymentEffects e) throws SQLException {
        int i = first;
        if (!e.queued().isEmpty()) {
            i = ids(s, i, e);
            i = texts(s, i, e.queued().map(t -> t.transactionId().value()), e.queued().map(t -> Integer.toString(
                    t.attempts())), e.queued().map(t -> timestamp(t.dueAt())));
        }
        if (!e.settled().isEmpty()) {
            i = ids(s, i, e);
            i = texts(s, i, e.settled().map(TransactionId::value));
        }
        if (!e.refunds().isEmpty()) {
            List<RefundRecord> r = e.refunds();
            i = ids(s, i, e);
            i = texts(s, i, r.map(x -> x.refundId().value()), r.map(x -> Long.toString(x.amount().minor())),
                    r.map(x -> x.amount().currency().code()), r.map(x -> Wire.wire(x.status())),
                    r.map(x -> x.reason().getOrNull()), r.map(x -> x.connectorRefundId().getOrNull()),
                    r.map(x -> x.failure().map(Failure::code).getOrNull()),
                    r.map(x -> x.failure().map(Failure::message).getOrNull()), r.map(x -> timestamp(x.createdAt())),
                    r.map(x -> timestamp(x.updatedAt())));
        }
        if (!e.events().isEmpty()) {
            List<OutboxEvent> v = e.events();
            i = ids(s, i, e);
            texts(s, i, v.map(OutboxEvent::id), v.map(OutboxEvent::type),
                    v.map(x -> x.refundId().map(TransactionId::value).getOrNull()),
                    v.map(x -> Wire.wire(x.paymentStatus())), v.map(x -> timestamp(x.occurredAt())));
        }
    }

    /** The merchant and payment ids each effect's part begins with. */
    private static int ids(PreparedStatement s, int first, PaymentEffects e) throws SQLException {
        s.setString(first, e.merchantId().value());
        s.setString(first + 1, e.paymentId().value());
        return first + 2;
    }

    /** Each list as a {@code text[]} parameter, from {@code first}; returns the next index. */
    @SafeVarargs
    private static int texts(PreparedStatement s, int first, List<String>... columns) throws SQLException {
        int i = first;
        for (List<String> column : columns) {
            s.setArray(i++, s.getConnection().createArrayOf("text", column.toJavaArray(String[]::new)));
        }
        return i;
    }

    /** An instant as PostgreSQL reads a {@code timestamptz}, to the microsecond. */
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

    Payment payment(ResultSet r) throws SQLException {
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
