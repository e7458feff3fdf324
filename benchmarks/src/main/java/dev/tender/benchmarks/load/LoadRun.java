package dev.tender.benchmarks.load;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end load run, one command ({@code benchmarks/run.sh}): PostgreSQL, the packaged service, then
 * for each client count pgbench's ceiling and the service's closed-loop throughput and latencies; a
 * paced run at half the best rate; the reads at 10 thousand and 1 million payments; a report in Markdown
 * and a PNG chart. Exits non-zero when an operation failed (a figure of failures is no figure).
 *
 * <p>Options ({@code --name value}): {@code clients} (1,2,4,8,16,32), {@code warmup} and {@code duration}
 * (seconds per client count, 5 and 20), {@code pgbench-duration} (20), {@code paced-duration} (30),
 * {@code growth} (10000,1000000; {@code none} to skip), {@code service-jar}, {@code out}, {@code jvm}
 * (the service's JVM options, space-separated), {@code database} ({@code postgresql://user:pw@host:port/db}
 * of a running server; default an embedded one).
 */
public final class LoadRun {

    static final String SERVICE_JVM = "-Xms96m -Xmx96m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m "
            + "-XX:ReservedCodeCacheSize=48m -Xss512k";

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int[] clients = Arrays.stream(options.getOrDefault("clients", "1,2,4,8,16,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "20")));
        Duration pgbenchDuration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("pgbench-duration", "20")));
        Duration pacedDuration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("paced-duration", "30")));
        String growth = options.getOrDefault("growth", "10000,1000000");
        Path jar = Path.of(options.getOrDefault("service-jar", "micronaut-app/target/tender-service.jar"));
        Path out = Path.of(options.getOrDefault("out", "benchmarks/target/load"));
        List<String> jvm = List.of(options.getOrDefault("jvm", SERVICE_JVM).trim().split("\\s+"));
        Files.createDirectories(out);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -DskipTests package builds it");
        }
        Report report = new Report(Instant.now(), jvm);
        String adminKey = "admin_" + HexFormat.of().formatHex(SecureRandom.getSeed(16));

        log("starting PostgreSQL");
        try (Database database = options.containsKey("database") ? Database.external(options.get("database"))
                : Database.embedded()) {
            report.database(database, options.containsKey("database"));
            Pgbench pgbench = new Pgbench(database, out);
            log("starting the service: " + jar + " " + String.join(" ", jvm));
            try (ServiceProcess service = ServiceProcess.start(jar, jvm, database, adminKey,
                    out.resolve("service.log"))) {
                report.startedRss(ProcStat.rssKb(service.pid()));
                long postmaster = database.postmasterPid();
                String apiKey = TenderApi.createMerchant(service.base(), adminKey, "merchant_load");
                log("warming the service up (not measured)");
                Load.closedLoop(service.base(), apiKey, 8, Duration.ZERO, Duration.ofSeconds(15));
                // the tables were empty a moment ago: without statistics PostgreSQL plans as for empty
                // tables (and autovacuum analyzes only after its one-minute nap); a live database has them
                database.analyze();
                Load.closedLoop(service.base(), apiKey, 8, Duration.ZERO, Duration.ofSeconds(5));

                RssSampler sampler = RssSampler.start(service.pid());
                for (int n : clients) {
                    log("pgbench, " + n + " clients");
                    Pgbench.Result ceiling = pgbench.run(n, pgbenchDuration);
                    log("  " + String.format(Locale.ROOT, "%.0f tps", ceiling.transactionsPerSecond()));
                    log("service, " + n + " clients");
                    Cpu[] window = new Cpu[2];
                    Load.Window edges = new Load.Window() {
                        @Override
                        public void opened() {
                            window[0] = Cpu.now(service.pid(), postmaster);
                        }

                        @Override
                        public void closed() {
                            window[1] = Cpu.now(service.pid(), postmaster);
                        }
                    };
                    Load.Result result = Load.closedLoop(service.base(), apiKey, n, warmup, duration, edges);
                    // the CPU of the measured window only, as the operations are counted
                    Cpu used = window[1].minus(window[0]);
                    log("  " + Report.summary(result));
                    report.step(ceiling, result, used);
                }
                Load.Result best = report.best();
                double rate = best.operationsPerSecond() / 2;
                log(String.format(Locale.ROOT, "paced at %.0f operations/s (half of the best), %d clients", rate,
                        best.clients()));
                report.paced(Load.paced(service.base(), apiKey, best.clients(), rate, warmup, pacedDuration));
                report.peakRssUnderLoad(sampler.stop(), ProcStat.peakRssKb(service.pid()));

                if (!growth.equals("none")) {
                    String growthKey = TenderApi.createMerchant(service.base(), adminKey, "merchant_growth");
                    Growth reads = new Growth(database, service.base(), growthKey, "merchant_growth");
                    log("growth: 1000 payments through the API");
                    reads.seed(1000, 4);
                    for (String size : growth.split(",")) {
                        log("growth: copying up to " + size + " payments");
                        long payments = reads.growTo(Long.parseLong(size));
                        log("growth: reads at " + payments + " payments");
                        report.growth(reads.measure(payments, 2, Duration.ofSeconds(3), Duration.ofSeconds(15)));
                    }
                    report.peakRssAfterGrowth(ProcStat.peakRssKb(service.pid()));
                }
            }
        }
        Path markdown = out.resolve("report.md");
        Files.writeString(markdown, report.markdown());
        report.chart(out.resolve("load.png"));
        log("report: " + markdown + ", chart: " + out.resolve("load.png"));
        System.out.println(report.markdown());
        if (report.errors() > 0) {
            System.err.println(report.errors() + " operations failed; the figures are not valid");
            System.exit(1);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static void log(String line) {
        System.out.println("[load] " + line);
    }

    /** CPU seconds of the service, of PostgreSQL (postmaster and backends) and of this load generator. */
    record Cpu(double service, double database, double generator) {

        static Cpu now(long service, long postmaster) {
            return new Cpu(ProcStat.cpuSeconds(service), ProcStat.treeCpuSeconds(postmaster),
                    ProcStat.cpuSeconds(ProcessHandle.current().pid()));
        }

        Cpu minus(Cpu before) {
            return new Cpu(service - before.service, database - before.database, generator - before.generator);
        }
    }

    /** Samples the service's resident memory every 100 ms while the load runs. */
    static final class RssSampler {

        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peakKb;

        private RssSampler(long pid) {
            this.thread = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    peakKb = Math.max(peakKb, ProcStat.rssKb(pid));
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            });
        }

        static RssSampler start(long pid) {
            return new RssSampler(pid);
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peakKb;
        }
    }

    /** The series of the chart. */
    static List<Chart.Series> throughputSeries(double[] service, double[] pgbench) {
        double[] quarter = Arrays.stream(pgbench).map(v -> v / 4).toArray();
        List<Chart.Series> series = new ArrayList<>();
        series.add(new Chart.Series("pgbench transactions/s (INSERT + UPDATE)", new Color(120, 120, 120), pgbench));
        series.add(new Chart.Series("target: 0.25 x pgbench", new Color(200, 160, 60), quarter));
        series.add(new Chart.Series("Tender operations/s", new Color(30, 90, 200), service));
        return series;
    }
}
