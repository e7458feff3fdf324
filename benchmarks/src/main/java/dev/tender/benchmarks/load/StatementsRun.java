package dev.tender.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts the SQL statements and commits of each payment operation ({@code benchmarks/statements.sh}): an
 * embedded PostgreSQL with {@code pg_stat_statements}, the packaged service with its background jobs off (so
 * only the requests' statements are counted), one merchant with a simulator account, a warm-up, then
 * {@code flows} payments created with {@code confirm: true}, then each captured, then each refunded, one
 * client, one operation at a time. The statistics are reset before each of the three, so each count is one
 * operation's. Writes {@code report.md} to {@code out} and prints it.
 *
 * <p>Options ({@code --name value}): {@code flows} (200), {@code warmup} (flows before counting, 20),
 * {@code service-jar}, {@code out} (benchmarks/target/statements), {@code jvm} (the service's JVM options).
 */
public final class StatementsRun {

    /** The operations counted, in the order they run. */
    static final List<String> OPERATIONS = List.of("create + confirm (authorize)", "capture", "refund");

    /** Only the requests: the reconciler, the expiry job and the card purge would add their polls. */
    static final Map<String, String> JOBS_OFF = Map.of("TENDER_RECONCILER_ENABLED", "false",
            "TENDER_EXPIRY_ENABLED", "false", "TENDER_CARDS_PURGE_ENABLED", "false");

    private StatementsRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadRun.options(args);
        int flows = Integer.parseInt(options.getOrDefault("flows", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        Path jar = Path.of(options.getOrDefault("service-jar", "micronaut-app/target/tender-service.jar"));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/target/statements"));
        List<String> jvm = List.of(options.getOrDefault("jvm", LoadRun.SERVICE_JVM).trim().split("\\s+"));
        Files.createDirectories(out);
        List<StatementCounts> counts = measure(jar, jvm, out, flows, warmup);
        String report = markdown(counts);
        Files.writeString(out.resolve("report.md"), report);
        System.out.println(report);
    }

    /** The three operations' counts, {@code flows} of each after {@code warmup} whole flows. */
    static List<StatementCounts> measure(Path jar, List<String> jvm, Path out, int flows, int warmup)
            throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -DskipTests package builds it");
        }
        String adminKey = "admin_" + HexFormat.of().formatHex(SecureRandom.getSeed(16));
        LoadRun.log("starting PostgreSQL with pg_stat_statements");
        try (Database database = Database.embeddedCountingStatements();
             ServiceProcess service = ServiceProcess.start(jar, jvm, database, adminKey, out.resolve("service.log"),
                     JOBS_OFF)) {
            String apiKey = TenderApi.createMerchant(service.base(), adminKey, "merchant_statements");
            try (TenderApi api = new TenderApi(service.base(), apiKey)) {
                for (int i = 0; i < warmup; i++) {
                    String payment = api.createConfirmed();
                    api.capture(payment);
                    api.refund(payment);
                }
                database.analyze();
                List<String> payments = new ArrayList<>();
                List<StatementCounts> counts = new ArrayList<>();
                counts.add(count(database, OPERATIONS.get(0), flows, i -> payments.add(api.createConfirmed())));
                counts.add(count(database, OPERATIONS.get(1), flows, i -> api.capture(payments.get(i))));
                counts.add(count(database, OPERATIONS.get(2), flows, i -> api.refund(payments.get(i))));
                return counts;
            }
        }
    }

    private static StatementCounts count(Database database, String operation, int times, Consumer<Integer> run)
            throws SQLException {
        LoadRun.log(operation + ", " + times + " times");
        StatementCounts.Mark mark = StatementCounts.reset(database);
        for (int i = 0; i < times; i++) {
            run.accept(i);
        }
        return StatementCounts.read(database, mark, operation, times);
    }

    static String markdown(List<StatementCounts> counts) {
        StringBuilder md = new StringBuilder("## Statements per operation\n\n");
        md.append(String.format(Locale.ROOT, "%d operations of each kind, one at a time, from `pg_stat_statements`"
                + " (the service's background jobs off). Statements: every statement but `BEGIN`/`COMMIT`/"
                + "`ROLLBACK`. Transactions: `BEGIN`s. Writing transactions: transaction ids PostgreSQL handed out, "
                + "one to each transaction that wrote, whether in a `BEGIN` or alone (each a commit that waits for "
                + "the write-ahead log). `pg_stat_statements` does not list the driver's `COMMIT`s.%n%n",
                counts.get(0).operations()));
        md.append("| operation | statements | transactions | writing transactions | rollbacks | WAL bytes "
                + "| execution ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (StatementCounts c : counts) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.0f | %.3f |%n",
                    c.operation(), c.statements(), c.begins(), c.writingTransactions(), c.rollbacks(),
                    c.walBytesPerOperation(), c.milliseconds()));
        }
        for (StatementCounts c : counts) {
            md.append("\n### ").append(c.operation())
                    .append("\n\n| per operation | ms per operation | statement |\n|---:|---:|---|\n");
            for (StatementCounts.Entry e : c.entries()) {
                md.append(String.format(Locale.ROOT, "| %.2f | %.3f | `%s` |%n", e.perOperation(),
                        e.milliseconds(), shorten(e.text())));
            }
        }
        return md.toString();
    }

    /** The statement's start, enough to tell which it is, without breaking the table. */
    private static String shorten(String text) {
        String one = text.replace('|', '¦').replace('`', '\'');
        return one.length() <= 140 ? one : one.substring(0, 137) + "...";
    }
}
