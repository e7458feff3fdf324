package dev.tender.benchmarks.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What PostgreSQL ran for a number of operations, from {@code pg_stat_statements}: each statement's text
 * (PostgreSQL's normalised form, constants as {@code $1}) and how often it ran, divided by the operations.
 * Transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}) is counted apart from the
 * statements. {@code pg_stat_statements} does not list the driver's {@code COMMIT}s, and a write run outside
 * a transaction commits by itself, so the commits that wait for the write-ahead log are counted another way:
 * {@code writes} is the number of transaction ids PostgreSQL handed out (one to each transaction that
 * writes, whether it commits or rolls back, none to one that only reads), and {@code walBytes} what they
 * wrote to the log.
 */
record StatementCounts(String operation, int operations, List<Entry> entries, long writes, long walBytes) {

    /** One statement's text and its calls per operation. */
    record Entry(String text, double perOperation, double milliseconds) {

        String kind() {
            String head = text.strip().toUpperCase(Locale.ROOT);
            for (String control : CONTROL) {
                if (head.startsWith(control)) {
                    return control;
                }
            }
            return "STATEMENT";
        }
    }

    private static final Set<String> CONTROL = Set.of("BEGIN", "COMMIT", "ROLLBACK", "START TRANSACTION");

    /** Where a count starts: the next transaction id and the log's position. */
    record Mark(long nextTransactionId, String walPosition) {
    }

    /** Forgets what ran so far: the next {@link #read} counts from here. */
    static Mark reset(Database database) throws SQLException {
        try (Connection connection = database.connectAsCounter(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
            // reading the snapshot assigns no transaction id: the count is exact
            try (ResultSet rows = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text, "
                    + "pg_current_wal_lsn()::text")) {
                rows.next();
                return new Mark(Long.parseLong(rows.getString(1)), rows.getString(2));
            }
        }
    }

    /** What ran since {@code mark}, per operation, the most frequent first; the counter's own statements left out. */
    static StatementCounts read(Database database, Mark mark, String operation, int operations) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        long writes;
        long walBytes;
        try (Connection connection = database.connectAsCounter();
             PreparedStatement since = connection.prepareStatement("SELECT pg_snapshot_xmax(pg_current_snapshot())"
                     + "::text, pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint")) {
            since.setString(1, mark.walPosition());
            try (ResultSet rows = since.executeQuery()) {
                rows.next();
                writes = Long.parseLong(rows.getString(1)) - mark.nextTransactionId();
                walBytes = rows.getLong(2);
            }
        }
        try (Connection connection = database.connectAsCounter();
             PreparedStatement statement = connection.prepareStatement("SELECT query, calls, total_exec_time "
                     + "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = "
                     + "current_database()) AND userid <> (SELECT oid FROM pg_roles WHERE rolname = "
                     + "current_user) "
                     + "ORDER BY calls DESC, query")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getString(1).replaceAll("\\s+", " ").strip(),
                            rows.getLong(2) / (double) operations, rows.getDouble(3) / operations));
                }
            }
        }
        return new StatementCounts(operation, operations, entries, writes, walBytes);
    }

    /** Statements per operation, transaction control aside. */
    double statements() {
        return entries.stream().filter(e -> e.kind().equals("STATEMENT")).mapToDouble(Entry::perOperation).sum();
    }

    double begins() {
        return entries.stream().filter(e -> e.kind().equals("BEGIN") || e.kind().equals("START TRANSACTION"))
                .mapToDouble(Entry::perOperation).sum();
    }

    double rollbacks() {
        return entries.stream().filter(e -> e.kind().equals("ROLLBACK")).mapToDouble(Entry::perOperation).sum();
    }

    /** Transactions that wrote, per operation: each is a commit that waits for the log (or a rollback). */
    double writingTransactions() {
        return writes / (double) operations;
    }

    double walBytesPerOperation() {
        return walBytes / (double) operations;
    }

    /** Milliseconds PostgreSQL spent executing the statements (planning and the round trips aside). */
    double milliseconds() {
        return entries.stream().mapToDouble(Entry::milliseconds).sum();
    }
}
