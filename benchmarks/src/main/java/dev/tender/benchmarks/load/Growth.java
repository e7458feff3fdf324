package dev.tender.benchmarks.load;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How reads grow with the data: the latency of {@code GET /payments/{id}} and {@code GET /payments/list}
 * when one merchant has 10 thousand payments, then 1 million.
 *
 * <p>The merchant's first payments are real ones, made through the API (create, capture, refund). The rest
 * are copies of them written straight into the tables by SQL, every row of the payment (its transactions,
 * its refunds, the request fields kept for it) with new ids of the same shape and older creation times:
 * a million payments through the API would take longer than the reads being measured. The copies are
 * then what the service reads; {@code VACUUM ANALYZE} runs before each measurement, as autovacuum would
 * have by then on a live database.
 */
final class Growth {

    /** Latencies of the reads at one size. */
    record Result(long payments, Latencies retrieve, Latencies listFirstPage, Latencies listLaterPage) {
    }

    /** The tables holding a payment's rows, and the columns naming a payment, a refund or a transaction. */
    private static final List<String> TABLES = List.of("payments", "refunds", "kept_request_fields");
    private static final Set<String> ID_COLUMNS = Set.of("payment_id", "transaction_id", "refund_id", "id");

    private final Database database;
    private final URI base;
    private final String apiKey;
    private final String merchantId;

    Growth(Database database, URI base, String apiKey, String merchantId) {
        this.database = database;
        this.base = base;
        this.apiKey = apiKey;
        this.merchantId = merchantId;
    }

    /** Makes {@code count} payments through the API (each created, captured and refunded). */
    void seed(int count, int clients) {
        AtomicInteger left = new AtomicInteger(count);
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (TenderApi api = new TenderApi(base, apiKey)) {
                    while (left.getAndDecrement() > 0) {
                        String payment = api.createConfirmed();
                        api.capture(payment);
                        api.refund(payment);
                    }
                } catch (RuntimeException failure) {
                    failures.add(failure);
                }
            }));
        }
        Load.joinAll(threads);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** Copies the seeded payments until the merchant has {@code total}; answers how many it has. */
    long growTo(long total) throws SQLException {
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
                statement.execute("""
                        CREATE OR REPLACE FUNCTION bench.copy_id(original text, copy bigint) RETURNS text
                        LANGUAGE sql IMMUTABLE AS $$
                          SELECT left(original, 4) || substr(md5(original || ':' || copy) || md5(copy || ':' || original),
                                                             1, length(original) - 4)
                        $$""");
                statement.execute("CREATE TABLE IF NOT EXISTS bench.seed (payment_id varchar(64) PRIMARY KEY, "
                        + "copies bigint NOT NULL DEFAULT 0)");
                statement.execute("INSERT INTO bench.seed (payment_id) SELECT payment_id FROM payments "
                        + "WHERE merchant_id = '" + merchantId + "' AND NOT EXISTS "
                        + "(SELECT 1 FROM bench.seed) ");
            }
            long seeds = count(connection, "SELECT count(*) FROM bench.seed");
            long copies = count(connection, "SELECT coalesce(max(copies), 0) FROM bench.seed");
            long wanted = Math.max(0, Math.ceilDiv(total - seeds, seeds));
            long batch = Math.max(1, 100_000 / seeds);
            for (long from = copies + 1; from <= wanted; from += batch) {
                long to = Math.min(wanted, from + batch - 1);
                connection.setAutoCommit(false);
                for (String table : TABLES) {
                    copy(connection, table, from, to);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE bench.seed SET copies = " + to);
                }
                connection.commit();
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE");
            }
            return count(connection, "SELECT count(*) FROM payments WHERE merchant_id = '" + merchantId + "'");
        }
    }

    /** Reads for {@code duration} from {@code clients} clients: retrieve, first list page, a later list page. */
    Result measure(long payments, int clients, Duration warmup, Duration duration) throws SQLException {
        List<String> sample = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT payment_id FROM payments WHERE merchant_id = ? ORDER BY random() LIMIT 5000")) {
            query.setString(1, merchantId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sample.add(rows.getString(1));
                }
            }
        }
        Latencies retrieve = reads(clients, warmup, duration, (api, i) -> api.retrieve(sample.get(i % sample.size())));
        Latencies first = reads(clients, warmup, duration, (api, i) -> api.list());
        Latencies later = reads(clients, warmup, duration,
                (api, i) -> api.listAfter(sample.get(i % sample.size())));
        return new Result(payments, retrieve, first, later);
    }

    private interface Read {
        void run(TenderApi api, int index);
    }

    private Latencies reads(int clients, Duration warmup, Duration duration, Read read) {
        long from = System.nanoTime() + warmup.toNanos();
        long until = from + duration.toNanos();
        List<Latencies> parts = new CopyOnWriteArrayList<>();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c * 7919;
            threads.add(Thread.ofPlatform().start(() -> {
                Latencies mine = new Latencies();
                try (TenderApi api = new TenderApi(base, apiKey)) {
                    for (int i = offset; System.nanoTime() < until; i++) {
                        long began = System.nanoTime();
                        read.run(api, i);
                        long ended = System.nanoTime();
                        if (began >= from && ended <= until) {
                            mine.record(ended - began);
                        }
                    }
                } catch (RuntimeException failure) {
                    failures.add(failure);
                }
                parts.add(mine);
            }));
        }
        Load.joinAll(threads);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return Latencies.merge(parts);
    }

    private void copy(Connection connection, String table, long from, long to) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            if (ID_COLUMNS.contains(column)) {
                values.add("bench.copy_id(t." + column + ", g)");
            } else if (column.equals("transactions")) {
                // the payment's transactions (V10), each under the id of its copy
                values.add("(SELECT coalesce(json_agg(jsonb_set(e::jsonb, '{id}', to_jsonb(bench.copy_id(e ->> 'id', g)))"
                        + "::json ORDER BY n), '[]') FROM json_array_elements(t.transactions) WITH ORDINALITY AS x(e, n))");
            } else if (column.equals("created_at")) {
                // older than the seeds, one second apart: the list's newest page stays the real payments
                values.add("t.created_at - make_interval(secs => g)");
            } else {
                values.add("t." + column);
            }
        }
        String owner = table.equals("kept_request_fields")
                ? "(t.kind = 'payment' AND t.id = s.payment_id OR t.kind = 'refund' AND t.id IN "
                        + "(SELECT r.refund_id FROM refunds r WHERE r.merchant_id = t.merchant_id "
                        + "AND r.payment_id = s.payment_id))"
                : "t.payment_id = s.payment_id";
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM " + table + " t JOIN bench.seed s ON " + owner
                + " CROSS JOIN generate_series(" + from + "::bigint, " + to + "::bigint) g WHERE t.merchant_id = ?";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, merchantId);
            insert.executeUpdate();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
