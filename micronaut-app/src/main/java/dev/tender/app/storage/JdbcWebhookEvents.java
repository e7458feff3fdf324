package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.collection.List;
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
 * The outbox as the webhook deliverer and the events API see it (V11): events due for an attempt, claimed by one
 * instance at a time ({@code FOR UPDATE SKIP LOCKED}, then moved past a lease, so a claimer that died leaves its
 * events to come back), one payment's events in order (an event is not due while an earlier one of its payment
 * is), each attempt recorded with what was sent and what came back.
 */
@Singleton
public final class JdbcWebhookEvents {

    /** An event's delivery state: waiting for an attempt, delivered, given up, or not for any webhook. */
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    /** An event, and the payment as it was when the event was recorded (none for events written without it). */
    public record Event(String eventId, MerchantId merchantId, String eventType, PaymentId paymentId,
                        Option<TransactionId> refundId, String status, int attempts, Instant occurredAt,
                        Option<Instant> nextAttemptAt, Option<Payment> payment) {

        /** The payment or refund it is about. */
        public String objectId() {
            return refundId.map(TransactionId::value).getOrElse(paymentId.value());
        }
    }

    /** One delivery attempt as sent and as answered ({@code statusCode} none: no answer). */
    public record Attempt(String eventId, int attempt, boolean manual, Instant attemptedAt, String url,
                          String signature, String requestBody, Option<Integer> statusCode, Option<String> responseBody,
                          Option<String> error, int durationMs, boolean delivered) {
    }

    /** The events API's filters; each absent one does not filter. */
    public record Filter(Option<Instant> createdAfter, Option<Instant> createdBefore, Option<String> objectId,
                         Option<String> eventId, java.util.Set<String> eventTypes, Option<Boolean> delivered) {
    }

    /** The event's columns, named {@code e_…}: read beside a {@code payments} row, whose names they share. */
    private static final String EVENT_COLUMNS = "o.event_id AS e_event_id, o.merchant_id AS e_merchant_id, "
            + "o.event_type AS e_event_type, o.payment_id AS e_payment_id, o.refund_id AS e_refund_id, "
            + "o.status AS e_status, o.attempts AS e_attempts, o.occurred_at AS e_occurred_at, "
            + "o.next_attempt_at AS e_next_attempt_at";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final JdbcPayments payments;

    public JdbcWebhookEvents(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                             ConnectionOperations<Connection> connections, JdbcPayments payments) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
        this.payments = payments;
    }

    /**
     * Up to {@code limit} events due at {@code now}, oldest due first, each the earliest still due of its
     * payment, claimed for {@code lease}: no other claim gets them until it ends or their attempt is recorded.
     */
    public List<Event> claimDue(Instant now, int limit, Duration lease) {
        if (limit <= 0) {
            return List.empty();
        }
        java.util.List<String> claimed = transactions.executeWrite(status -> jdbc.prepareStatement("WITH due AS ("
                + "SELECT o.event_id FROM outbox o WHERE o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM outbox e "
                + "WHERE e.merchant_id = o.merchant_id AND e.payment_id = o.payment_id "
                + "AND e.next_attempt_at IS NOT NULL "
                + "AND e.sequence < o.sequence) ORDER BY o.next_attempt_at, o.sequence LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "UPDATE outbox o SET next_attempt_at = ? FROM due WHERE o.event_id = due.event_id "
                + "RETURNING o.event_id", s -> {
                    Sql.setInstant(s, 1, now);
                    s.setInt(2, limit);
                    Sql.setInstant(s, 3, now.plus(lease));
                    java.util.List<String> ids = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            ids.add(r.getString(1));
                        }
                    }
                    return ids;
                }));
        return claimed.isEmpty() ? List.empty() : byIds(claimed);
    }

    /** The merchant's event, with its payment as recorded. */
    public Option<Event> find(MerchantId merchant, String eventId) {
        return byIds(java.util.List.of(eventId)).find(e -> e.merchantId().equals(merchant));
    }

    /**
     * Records an attempt (numbered one past the event's last, {@code a.attempt()} is not used) and, for a
     * scheduled one, the event's next state ({@code nextAttemptAt} none: no more attempts); a manual attempt
     * changes the event only when it delivered it. One transaction; returns the attempt's number.
     */
    public int record(Attempt a, boolean scheduled, String status, Option<Instant> nextAttemptAt) {
        for (int race = 0; ; race++) {
            try {
                return transactions.executeWrite(tx -> {
                    int number = jdbc.prepareStatement("INSERT INTO webhook_attempts (event_id, attempt, manual, "
                            + "attempted_at, url, signature, request_body, status_code, response_body, error, "
                            + "duration_ms, delivered) SELECT ?, coalesce(max(attempt), 0) + 1, "
                            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM webhook_attempts WHERE event_id = ? RETURNING attempt", s -> {
                                s.setString(1, a.eventId());
                                s.setBoolean(2, !scheduled);
                                Sql.setInstant(s, 3, a.attemptedAt());
                                s.setString(4, a.url());
                                s.setString(5, a.signature());
                                s.setString(6, a.requestBody());
                                s.setObject(7, a.statusCode().getOrNull(), java.sql.Types.INTEGER);
                                s.setString(8, a.responseBody().getOrNull());
                                s.setString(9, a.error().getOrNull());
                                s.setInt(10, a.durationMs());
                                s.setBoolean(11, a.delivered());
                                s.setString(12, a.eventId());
                                try (ResultSet r = s.executeQuery()) {
                                    r.next();
                                    return r.getInt(1);
                                }
                            });
                    if (scheduled) {
                        jdbc.prepareStatement("UPDATE outbox SET status = ?, attempts = attempts + 1, "
                                + "next_attempt_at = ?, delivered_at = CASE WHEN ? THEN ? ELSE delivered_at END "
                                + "WHERE event_id = ?", s -> {
                                    s.setString(1, status);
                                    Sql.setInstant(s, 2, nextAttemptAt);
                                    s.setBoolean(3, a.delivered());
                                    Sql.setInstant(s, 4, a.attemptedAt());
                                    s.setString(5, a.eventId());
                                    return s.executeUpdate();
                                });
                    } else if (a.delivered()) {
                        jdbc.prepareStatement("UPDATE outbox SET status = 'delivered', next_attempt_at = NULL, "
                                + "delivered_at = ? WHERE event_id = ?", s -> {
                                    Sql.setInstant(s, 1, a.attemptedAt());
                                    s.setString(2, a.eventId());
                                    return s.executeUpdate();
                                });
                    }
                    return number;
                });
            } catch (RuntimeException failure) {
                // two attempts numbered at once (a manual retry beside the job): number it again
                if (!Sql.isUniqueViolation(failure) || race >= 3) {
                    throw failure;
                }
            }
        }
    }

    /** The events go to no webhook (none set, or their status not enabled): never attempted. One statement. */
    public void skip(java.util.List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Sql.oneStatement(connections, () -> jdbc.prepareStatement("UPDATE outbox SET status = ?, "
                + "next_attempt_at = NULL WHERE event_id = ANY (?)", s -> {
                    s.setString(1, SKIPPED);
                    s.setArray(2, s.getConnection().createArrayOf("varchar", eventIds.toArray()));
                    return s.executeUpdate();
                }));
    }

    /** The merchant's event's attempts, first first. */
    public List<Attempt> attempts(MerchantId merchant, String eventId) {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT a.* FROM webhook_attempts a "
                + "JOIN outbox o ON o.event_id = a.event_id WHERE o.merchant_id = ? AND a.event_id = ? "
                + "ORDER BY a.attempt", s -> {
                    s.setString(1, merchant.value());
                    s.setString(2, eventId);
                    java.util.List<Attempt> found = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.add(attempt(r));
                        }
                    }
                    return List.ofAll(found);
                }));
    }

    /** The merchant's events that pass the filter, newest first, a page of them, and how many pass. */
    public Page list(MerchantId merchant, Filter filter, int limit, int offset) {
        StringBuilder where = new StringBuilder(" WHERE o.merchant_id = ?");
        java.util.List<Object> values = new ArrayList<>();
        values.add(merchant.value());
        filter.createdAfter().forEach(t -> {
            where.append(" AND o.occurred_at > ?");
            values.add(java.time.OffsetDateTime.ofInstant(Sql.micros(t), java.time.ZoneOffset.UTC));
        });
        filter.createdBefore().forEach(t -> {
            where.append(" AND o.occurred_at < ?");
            values.add(java.time.OffsetDateTime.ofInstant(Sql.micros(t), java.time.ZoneOffset.UTC));
        });
        filter.objectId().forEach(id -> {
            where.append(" AND (o.payment_id = ? OR o.refund_id = ?)");
            values.add(id);
            values.add(id);
        });
        filter.eventId().forEach(id -> {
            where.append(" AND o.event_id = ?");
            values.add(id);
        });
        if (!filter.eventTypes().isEmpty()) {
            where.append(" AND o.event_type = ANY (?)");
            values.add(filter.eventTypes().toArray(new String[0]));
        }
        filter.delivered().forEach(delivered -> {
            where.append(delivered ? " AND o.status = 'delivered'" : " AND o.status <> 'delivered'");
        });
        return transactions.executeRead(status -> {
            long total = jdbc.prepareStatement("SELECT count(*) FROM outbox o" + where, s -> {
                bind(s, values);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            });
            java.util.List<Event> events = jdbc.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM outbox o" + where
                    + " ORDER BY o.occurred_at DESC, o.event_id LIMIT ? OFFSET ?", s -> {
                        int next = bind(s, values);
                        s.setInt(next, limit);
                        s.setInt(next + 1, offset);
                        java.util.List<Event> found = new ArrayList<>();
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                found.add(event(r, Option.none()));
                            }
                        }
                        return found;
                    });
            return new Page(List.ofAll(events), total);
        });
    }

    /** A page of events and how many passed the filter. */
    public record Page(List<Event> events, long total) {
    }

    /** Events still to be attempted, and when the oldest of them was recorded: for the metrics. */
    public record Backlog(long events, Option<Instant> oldest) {
    }

    public Backlog backlog() {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT count(*), min(occurred_at) "
                + "FROM outbox WHERE next_attempt_at IS NOT NULL", s -> {
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        return new Backlog(r.getLong(1), Sql.optionalInstant(r, "min"));
                    }
                }));
    }

    // ---------------------------------------------------------------- reading

    /** The events of the ids, with their payments as recorded: the snapshot read back as a {@code payments} row. */
    private List<Event> byIds(java.util.List<String> ids) {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT " + EVENT_COLUMNS
                + ", o.payment IS NOT NULL AS has_payment, (json_populate_record(NULL::payments, o.payment)).* "
                + "FROM outbox o WHERE o.event_id = ANY (?) ORDER BY o.sequence", s -> {
                    s.setArray(1, s.getConnection().createArrayOf("varchar", ids.toArray()));
                    java.util.List<Event> found = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.add(event(r, r.getBoolean("has_payment") ? Option.some(payments.payment(r))
                                    : Option.none()));
                        }
                    }
                    return List.ofAll(found);
                }));
    }

    private static Event event(ResultSet r, Option<Payment> payment) throws SQLException {
        return new Event(Sql.string(r, "e_event_id"), MerchantId.of(Sql.string(r, "e_merchant_id")),
                Sql.string(r, "e_event_type"), PaymentId.of(Sql.string(r, "e_payment_id")),
                Sql.optionalString(r, "e_refund_id").map(TransactionId::of), Sql.string(r, "e_status"),
                r.getInt("e_attempts"), Sql.instant(r, "e_occurred_at"), Sql.optionalInstant(r, "e_next_attempt_at"),
                payment);
    }

    private static Attempt attempt(ResultSet r) throws SQLException {
        int code = r.getInt("status_code");
        Option<Integer> statusCode = r.wasNull() ? Option.none() : Option.some(code);
        return new Attempt(Sql.string(r, "event_id"), r.getInt("attempt"), r.getBoolean("manual"),
                Sql.instant(r, "attempted_at"), Sql.string(r, "url"), Sql.string(r, "signature"),
                Sql.string(r, "request_body"),
                statusCode, Sql.optionalString(r, "response_body"),
                Sql.optionalString(r, "error"), r.getInt("duration_ms"), r.getBoolean("delivered"));
    }

    private static int bind(PreparedStatement s, java.util.List<Object> values) throws SQLException {
        int i = 1;
        for (Object value : values) {
            if (value instanceof String[] array) {
                s.setArray(i++, s.getConnection().createArrayOf("varchar", array));
            } else {
                s.setObject(i++, value);
            }
        }
        return i;
    }
}
