package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.Outbox;
import dev.tender.ports.out.OutboxEvent;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.collection.List;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;

/**
 * The {@link Outbox} in the {@code outbox} table: pending events are the undelivered ones, oldest first
 * (by the table's {@code sequence}, the order they were appended). Appending an event id that is there
 * already keeps the first. {@code occurred_at} is kept to the microsecond.
 */
@Singleton
public final class JdbcOutbox implements Outbox {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    public JdbcOutbox(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                      ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
    }

    @Override
    public void append(OutboxEvent event) {
        // due for its webhook at once; without the payment's row, its webhook shows the payment as it is then
        transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO outbox (event_id, merchant_id, "
                + "event_type, payment_id, refund_id, payment_status, occurred_at, status, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (event_id) DO NOTHING", s -> {
                    s.setString(1, event.id());
                    s.setString(2, event.merchantId().value());
                    s.setString(3, event.type());
                    s.setString(4, event.paymentId().value());
                    Sql.setString(s, 5, event.refundId().map(TransactionId::value));
                    s.setString(6, Wire.wire(event.paymentStatus()));
                    Sql.setInstant(s, 7, event.occurredAt());
                    Sql.setInstant(s, 8, event.occurredAt());
                    return s.executeUpdate();
                }));
    }

    @Override
    public List<OutboxEvent> pending(int limit) {
        if (limit <= 0) {
            return List.empty();
        }
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT event_id, merchant_id, event_type, "
                + "payment_id, refund_id, payment_status, occurred_at FROM outbox WHERE delivered_at IS NULL "
                + "ORDER BY sequence LIMIT ?", s -> {
                    s.setInt(1, limit);
                    java.util.List<OutboxEvent> events = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            events.add(new OutboxEvent(Sql.string(r, "event_id"),
                                    MerchantId.of(Sql.string(r, "merchant_id")), Sql.string(r, "event_type"),
                                    PaymentId.of(Sql.string(r, "payment_id")),
                                    Sql.optionalString(r, "refund_id").map(TransactionId::of),
                                    Wire.wire(PaymentStatus.class, Sql.string(r, "payment_status")),
                                    Sql.instant(r, "occurred_at")));
                        }
                    }
                    return List.ofAll(events);
                }));
    }

    /** Marks the event delivered (at the database's time); it is kept, no longer pending. */
    @Override
    public void delivered(String eventId) {
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE outbox SET delivered_at = now() WHERE event_id = ? AND delivered_at IS NULL", s -> {
                    s.setString(1, eventId);
                    return s.executeUpdate();
                }));
    }
}
