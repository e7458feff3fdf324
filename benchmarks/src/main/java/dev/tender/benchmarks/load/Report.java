package dev.tender.benchmarks.load;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The figures of a load run, as Markdown tables with the targets checked, and the chart. */
final class Report {

    private record Step(Pgbench.Result pgbench, Load.Result service, LoadRun.Cpu cpu) {
    }

    private final Instant started;
    private final List<String> jvm;
    private final List<Step> steps = new ArrayList<>();
    private final List<Growth.Result> growth = new ArrayList<>();
    private String databaseLine = "";
    private long startedRssKb;
    private Load.Result paced;
    private long sampledPeakKb;
    private long peakUnderLoadKb;
    private long peakAfterGrowthKb;

    Report(Instant started, List<String> jvm) {
        this.started = started;
        this.jvm = jvm;
    }

    void database(Database database, boolean external) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version(), current_setting('synchronous_commit'), "
                     + "current_setting('shared_buffers'), current_setting('max_connections')")) {
            rows.next();
            databaseLine = String.format(Locale.ROOT, "%s (%s), synchronous_commit=%s, shared_buffers=%s, "
                            + "max_connections=%s", rows.getString(1).split(" on ")[0],
                    external ? "a running server" : "embedded, zonky binaries", rows.getString(2),
                    rows.getString(3), rows.getString(4));
        }
    }

    void startedRss(long kb) {
        startedRssKb = kb;
    }

    void step(Pgbench.Result pgbench, Load.Result service, LoadRun.Cpu cpu) {
        steps.add(new Step(pgbench, service, cpu));
    }

    Load.Result best() {
        return steps.stream().map(Step::service)
                .max(Comparator.comparingDouble(Load.Result::operationsPerSecond)).orElseThrow();
    }

    void paced(Load.Result result) {
        paced = result;
    }

    void peakRssUnderLoad(long sampledKb, long highWaterKb) {
        sampledPeakKb = sampledKb;
        peakUnderLoadKb = highWaterKb;
    }

    void peakRssAfterGrowth(long highWaterKb) {
        peakAfterGrowthKb = highWaterKb;
    }

    void growth(Growth.Result result) {
        growth.add(result);
    }

    long errors() {
        return steps.stream().mapToLong(step -> step.service().errors()).sum() + (paced == null ? 0 : paced.errors());
    }

    static String summary(Load.Result r) {
        return String.format(Locale.ROOT, "%.0f operations/s, p50 %s ms, p99 %s ms, max %s ms, %d errors%s",
                r.operationsPerSecond(), ms(r.all().percentile(0.5)), ms(r.all().percentile(0.99)),
                ms(r.all().max()), r.errors(), r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Load run of ").append(started).append("\n\n");
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- Load generator and service JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(Runtime.version()).append('\n');
        md.append("- Service JVM options: `").append(String.join(" ", jvm)).append("`\n");
        md.append("- Database: ").append(databaseLine).append("\n\n");

        md.append("## Throughput and latency by client count (closed loop)\n\n");
        md.append("Each operation is one HTTP call: create with `confirm: true` and manual capture, capture, refund "
                + "(simulator latency 0 ms). pgbench: one INSERT + one UPDATE per transaction, same clients, "
                + "same server, just before. CPU: seconds used per 1000 operations by each process.\n\n");
        md.append("| clients | pgbench tps | Tender ops/s | ratio | p50 ms | p99 ms | max ms | flows/s | "
                + "CPU service | CPU PostgreSQL | CPU load generator | errors |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Step s : steps) {
            Load.Result r = s.service();
            double perThousand = 1000.0 / Math.max(1, r.operations());
            md.append(String.format(Locale.ROOT,
                    "| %d | %.0f | %.0f | %.2f | %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %d |%n",
                    r.clients(), s.pgbench().transactionsPerSecond(), r.operationsPerSecond(),
                    r.operationsPerSecond() / s.pgbench().transactionsPerSecond(),
                    ms(r.all().percentile(0.5)), ms(r.all().percentile(0.99)), ms(r.all().max()),
                    r.flows() / r.seconds(), s.cpu().service() * perThousand, s.cpu().database() * perThousand,
                    s.cpu().generator() * perThousand, r.errors()));
        }
        Load.Result best = best();
        md.append("\nPer operation at ").append(best.clients()).append(" clients (the best rate):\n\n");
        md.append("| operation | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|\n");
        row(md, "create + confirm (authorize)", best.create());
        row(md, "capture", best.capture());
        row(md, "refund", best.refund());

        if (paced != null) {
            md.append(String.format(Locale.ROOT, "%n## Paced at half the best rate%n%n%.0f operations/s due from %d "
                            + "clients for %.0f s; latency counted from when each operation was due.%n%n",
                    paced.targetRate(), paced.clients(), paced.seconds()));
            md.append("| achieved ops/s | p50 ms | p99 ms | max ms | errors |\n|---:|---:|---:|---:|---:|\n");
            md.append(String.format(Locale.ROOT, "| %.0f | %s | %s | %s | %d |%n", paced.operationsPerSecond(),
                    ms(paced.all().percentile(0.5)), ms(paced.all().percentile(0.99)), ms(paced.all().max()),
                    paced.errors()));
        }

        md.append("\n## Memory of the service\n\n| when | resident set |\n|---|---:|\n");
        md.append("| started, healthy | ").append(mb(startedRssKb)).append(" |\n");
        md.append("| peak sampled every 100 ms during the load | ").append(mb(sampledPeakKb)).append(" |\n");
        md.append("| peak (VmHWM) after the load | ").append(mb(peakUnderLoadKb)).append(" |\n");
        if (peakAfterGrowthKb > 0) {
            md.append("| peak (VmHWM) after the growth reads | ").append(mb(peakAfterGrowthKb)).append(" |\n");
        }

        if (!growth.isEmpty()) {
            md.append("\n## Reads as the data grows\n\nOne merchant's payments; two clients; `GET /payments/{id}` "
                    + "of random payments, `GET /payments/list?limit=10` (newest page) and the page after a random "
                    + "payment (`starting_after`).\n\n");
            md.append("| payments | retrieve p50 | retrieve p99 | list p50 | list p99 | later page p50 | "
                    + "later page p99 |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Growth.Result g : growth) {
                md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s |%n", g.payments(),
                        ms(g.retrieve().percentile(0.5)), ms(g.retrieve().percentile(0.99)),
                        ms(g.listFirstPage().percentile(0.5)), ms(g.listFirstPage().percentile(0.99)),
                        ms(g.listLaterPage().percentile(0.5)), ms(g.listLaterPage().percentile(0.99))));
            }
            md.append("\n(milliseconds)\n");
        }
        md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        Step atBest = steps.stream().filter(s -> s.service() == best).findFirst().orElseThrow();
        double ratio = best.operationsPerSecond() / atBest.pgbench().transactionsPerSecond();
        target(md, "operations/s ≥ 0.25 × pgbench tps (same clients)", String.format(Locale.ROOT,
                "%.0f / %.0f = %.2f at %d clients", best.operationsPerSecond(),
                atBest.pgbench().transactionsPerSecond(), ratio, best.clients()), ratio >= 0.25);
        if (paced != null) {
            long p99 = paced.all().percentile(0.99);
            target(md, "p99 ≤ 25 ms at half that rate", ms(p99) + " ms", p99 <= 25_000_000L);
        }
        target(md, "peak RSS ≤ 300 MB under that load", mb(peakUnderLoadKb), peakUnderLoadKb <= 300 * 1024);
        if (growth.size() >= 2) {
            Growth.Result small = growth.get(0);
            Growth.Result large = growth.get(growth.size() - 1);
            grows(md, "retrieve", small.payments(), large.payments(), small.retrieve(), large.retrieve());
            grows(md, "list, newest page", small.payments(), large.payments(), small.listFirstPage(),
                    large.listFirstPage());
            grows(md, "list, later page", small.payments(), large.payments(), small.listLaterPage(),
                    large.listLaterPage());
        }
        return md.toString();
    }

    void chart(Path file) throws IOException {
        int[] clients = steps.stream().mapToInt(s -> s.service().clients()).toArray();
        double[] service = steps.stream().mapToDouble(s -> s.service().operationsPerSecond()).toArray();
        double[] pgbench = steps.stream().mapToDouble(s -> s.pgbench().transactionsPerSecond()).toArray();
        double[] p99 = steps.stream().mapToDouble(s -> s.service().all().percentile(0.99) / 1e6).toArray();
        double[] p50 = steps.stream().mapToDouble(s -> s.service().all().percentile(0.5) / 1e6).toArray();
        Chart.write(file, "Tender load run, " + started.toString().substring(0, 10) + ": "
                        + Runtime.getRuntime().availableProcessors()
                        + " cores, service + PostgreSQL + load on one machine",
                clients, LoadRun.throughputSeries(service, pgbench),
                List.of(new Chart.Series("p99", new Color(200, 50, 50), p99),
                        new Chart.Series("p50", new Color(30, 90, 200), p50)));
    }

    private static void grows(StringBuilder md, String what, long small, long large, Latencies at10k, Latencies at1m) {
        for (double p : new double[] {0.5, 0.99}) {
            double factor = (double) at1m.percentile(p) / at10k.percentile(p);
            target(md, String.format(Locale.ROOT, "%s p%.0f at %,d ≤ 1.5 × at %,d", what, p * 100, large, small),
                    String.format(Locale.ROOT, "%s ms vs %s ms: × %.2f", ms(at1m.percentile(p)),
                            ms(at10k.percentile(p)), factor), factor <= 1.5);
        }
    }

    private static void target(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static void row(StringBuilder md, String name, Latencies latencies) {
        md.append("| ").append(name).append(" | ").append(ms(latencies.percentile(0.5))).append(" | ")
                .append(ms(latencies.percentile(0.99))).append(" | ").append(ms(latencies.max())).append(" |\n");
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    private static String machine() {
        String model = "unknown CPU";
        long memoryKb = 0;
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
            memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException unreadable) {
            // not Linux: the model and memory stay unknown
        }
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s %s",
                Runtime.getRuntime().availableProcessors(), model, memoryKb / 1024.0 / 1024.0,
                System.getProperty("os.name"), System.getProperty("os.version"));
    }
}
