package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ReconciliationTask;
import dev.tender.ports.out.Reconciliations;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.collection.List;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * The reconciler's queue in {@code reconciliation_tasks}, one row per (merchant, payment, transaction).
 *
 * <p>{@link #claimDue} is one statement: it locks up to {@code limit} due rows, oldest first, skipping
 * rows another claimer holds ({@code FOR UPDATE SKIP LOCKED}), moves their due time to {@code now + lease}
 * and returns them as they were before. So each due task goes to exactly one caller, across processes;
 * a claimer that dies leaves its tasks to come back when the lease ends. Times are kept to the microsecond.
 */
@Singleton
public final class JdbcReconciliations implements Reconciliations {

    private static final Comparator<ReconciliationTask> DUE_ORDER = Comparator
            .comparing(ReconciliationTask::dueAt)
            .thenComparing(t -> t.merchantId().value())
            .thenComparing(t -> t.paymentId().value())
            .thenComparing(t -> t.transactionId().value());

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    public JdbcReconciliations(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                               ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
    }

    /** Adds the task; a task for that transaction already there is kept as it is. */
    @Override
    public void schedule(ReconciliationTask task) {
        transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO reconciliation_tasks "
                + "(merchant_id, payment_id, transaction_id, attempts, due_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (merchant_id, payment_id, transaction_id) DO NOTHING", s -> {
                    s.setString(1, task.merchantId().value());
                    s.setString(2, task.paymentId().value());
                    s.setString(3, task.transactionId().value());
                    s.setInt(4, task.attempts());
                    Sql.setInstant(s, 5, task.dueAt());
                    return s.executeUpdate();
                }));
    }

    /** The due tasks claimed, as they were before the claim (their old due time), oldest first. */
    @Override
    public List<ReconciliationTask> claimDue(Instant now, int limit, Duration lease) {
        if (limit <= 0) {
            return List.empty();
        }
        return transactions.executeWrite(status -> jdbc.prepareStatement("WITH due AS ("
                + "SELECT merchant_id, payment_id, transaction_id, due_at FROM reconciliation_tasks "
                + "WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "UPDATE reconciliation_tasks t SET due_at = ? FROM due "
                + "WHERE t.merchant_id = due.merchant_id AND t.payment_id = due.payment_id "
                + "AND t.transaction_id = due.transaction_id "
                + "RETURNING t.merchant_id, t.payment_id, t.transaction_id, t.attempts, due.due_at", s -> {
                    Sql.setInstant(s, 1, now);
                    s.setInt(2, limit);
                    Sql.setInstant(s, 3, now.plus(lease));
                    return read(s.executeQuery());
                }));
    }

    /** Replaces the task of that transaction, if it still has one. */
    @Override
    public void reschedule(ReconciliationTask task) {
        transactions.executeWrite(status -> jdbc.prepareStatement("UPDATE reconciliation_tasks SET attempts = ?, "
                + "due_at = ? WHERE merchant_id = ? AND payment_id = ? AND transaction_id = ?", s -> {
                    s.setInt(1, task.attempts());
                    Sql.setInstant(s, 2, task.dueAt());
                    s.setString(3, task.merchantId().value());
                    s.setString(4, task.paymentId().value());
                    s.setString(5, task.transactionId().value());
                    return s.executeUpdate();
                }));
    }

    @Override
    public void done(MerchantId merchantId, PaymentId paymentId, TransactionId transactionId) {
        transactions.executeWrite(status -> jdbc.prepareStatement("DELETE FROM reconciliation_tasks "
                + "WHERE merchant_id = ? AND payment_id = ? AND transaction_id = ?", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, paymentId.value());
                    s.setString(3, transactionId.value());
                    return s.executeUpdate();
                }));
    }

    /** Every task, soonest due first. */
    @Override
    public List<ReconciliationTask> all() {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT merchant_id, payment_id, "
                + "transaction_id, attempts, due_at FROM reconciliation_tasks", s -> read(s.executeQuery())));
    }

    private static List<ReconciliationTask> read(ResultSet rows) throws SQLException {
        java.util.List<ReconciliationTask> tasks = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                tasks.add(new ReconciliationTask(MerchantId.of(Sql.string(rows, "merchant_id")),
                        PaymentId.of(Sql.string(rows, "payment_id")),
                        TransactionId.of(Sql.string(rows, "transaction_id")), rows.getInt("attempts"),
                        Sql.instant(rows, "due_at")));
            }
        }
        tasks.sort(DUE_ORDER);
        return List.ofAll(tasks);
    }
}
