package dev.tender.benchmarks.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.benchmarks.load.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault campaign: PostgreSQL, the fake processor in its own process, the packaged service as two
 * processes on that database, merchants' clients running flows while the processor injects faults and
 * instances are killed; then faults off, the reconcilers settle, every request is retried once with its
 * key, and every payment is judged against the processor's ledger.
 */
public final class Campaign {

    private static final String ADMIN_KEY = "chaos_admin_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current()
            .nextLong());

    private final CampaignOptions options;

    public Campaign(CampaignOptions options) {
        this.options = options;
    }

    public CampaignReport run() throws Exception {
        if (!Files.isRegularFile(options.serviceJar())) {
            throw new IllegalStateException(options.serviceJar() + " is missing: package micronaut-app first");
        }
        Files.createDirectories(options.out());
        Instant started = Instant.now();
        try (Database database = Database.embedded();
             FakeStripeProcess processor = FakeStripeProcess.start(0, options.hang(), options.slow(),
                     options.out().resolve("processor.log"));
             Cluster cluster = new Cluster(options.serviceJar(), options.jvm(), database, ADMIN_KEY, options.out(),
                     2)) {
            log("starting two service instances");
            cluster.startAll();
            String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            String apiKey = MerchantSetup.create(cluster.pick().orElseThrow(), ADMIN_KEY, "chaos_" + run,
                    processor.base());
            Figures figures = new Figures();
            MerchantClient client = new MerchantClient(cluster, apiKey, figures);
            Flows flows = new Flows(client, run, options.patience(), Duration.ofSeconds(10));

            processor.faultRate(options.faultRate());
            Killer killer = new Killer(cluster, figures, options.killMin(), options.killMax(), options.killDown());
            Thread killing = Thread.ofPlatform().name("killer").start(options.minKills() > 0 ? killer : () -> { });
            log("running " + options.flows() + " flows with " + options.clients() + " clients, faults on "
                    + Math.round(options.faultRate() * 100) + " % of processor calls, at least " + options.minKills()
                    + " kills");
            runFlows(flows, figures, killer);
            killer.stop();
            killing.join();
            if (killer.failure() != null) {
                throw new IllegalStateException("an instance did not start again", killer.failure());
            }
            processor.faultRate(0);
            JsonNode faults = processor.faults();
            Instant flowsEnded = Instant.now();

            log("faults off; waiting for the reconcilers to settle every open payment");
            long openAfterSettle = settle(database, options.settleTimeout());
            flows.sent().forEach(request -> figures.answers.merge(request.status(), 1, Integer::sum));
            log("retrying every request once with its key");
            List<Request> stuck = new ArrayList<>();
            for (Request request : flows.sent()) {
                client.sendOnce(request);
                if (request.status() == 409) {
                    stuck.add(request);
                }
            }
            settle(database, Duration.ofSeconds(15));

            Verdict verdict = new Verdict();
            for (Request request : stuck) {
                verdict.add(Verdict.Kind.KEY_STUCK, request.paymentId + " — " + request + " answered 409 "
                        + request.answer());
            }
            new Judge(client, database, figures).judge(flows.payments(), flows.sent(), processor.ledger(), verdict);
            figures.serverErrors.forEach(error -> verdict.add(Verdict.Kind.SERVER_ERROR, error));
            CampaignReport report = new CampaignReport(options, figures, faults, flows.payments().size(),
                    Duration.between(started, flowsEnded), openAfterSettle, verdict);
            Files.writeString(options.out().resolve("report.md"), report.text());
            return report;
        }
    }

    private void runFlows(Flows flows, Figures figures, Killer killer) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Instant deadline = Instant.now().plus(options.maxDuration());
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            clients.add(Thread.ofPlatform().name("client-" + i).start(() -> {
                while (Instant.now().isBefore(deadline) && (next.get() < options.flows()
                        || figures.kills.get() < options.minKills() && killer.failure() == null)) {
                    flows.run(next.getAndIncrement());
                    long done = figures.flows.incrementAndGet();
                    if (done % 100 == 0) {
                        log(done + " flows, " + figures.kills.get() + " kills");
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    /** Waits until no payment nor transaction nor refund is open; answers how many still are. */
    private static long settle(Database database, Duration timeout) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long open = open(database);
        for (int second = 1; open > 0 && Instant.now().isBefore(deadline); second++) {
            Thread.sleep(1_000);
            open = open(database);
            if (second % 15 == 0) {
                log(open + " payments, transactions and refunds still open");
            }
        }
        return open;
    }

    private static long open(Database database) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM payments WHERE status IN "
                     + "('processing', 'requires_merchant_action')) + (SELECT count(*) FROM payments p, "
                     + "json_array_elements(p.transactions) t WHERE t ->> 'status' IN ('pending', 'unknown')) + (SELECT count(*) FROM refunds WHERE status = "
                     + "'pending')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void log(String message) {
        System.out.println("[chaos " + Instant.now() + "] " + message);
    }

    /** The repository's root: the nearest directory up from here holding {@code micronaut-app}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("micronaut-app"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Tender repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
