package dev.tender.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The database's own ceiling: {@code pgbench} with a script of one INSERT and one UPDATE of a payment-like
 * row in one transaction, the same number of clients as the service's run, on the same server.
 */
final class Pgbench {

    static final String SCRIPT = """
            \\set amount random(1, 1000000)
            BEGIN;
            INSERT INTO bench.pgbench_payments (merchant_id, status, amount, currency, version, created_at, updated_at)
                VALUES ('merchant_pgbench', 'requires_capture', :amount, 'USD', 1, now(), now()) RETURNING id \\gset
            UPDATE bench.pgbench_payments SET status = 'succeeded', version = version + 1, updated_at = now() WHERE id = :id;
            END;
            """;

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    /** Transactions per second and the average latency pgbench measured. */
    record Result(int clients, double transactionsPerSecond, double averageLatencyMs) {
    }

    private final Database database;
    private final Path executable;
    private final Path script;

    Pgbench(Database database, Path workDirectory) throws IOException, SQLException {
        this.database = database;
        this.executable = find().orElseThrow(() -> new IllegalStateException(
                "pgbench not found on the PATH nor under /usr/lib/postgresql/*/bin; "
                        + "benchmarks/run.sh installs it (apt-get install postgresql-15 or newer)"));
        this.script = workDirectory.resolve("pgbench-insert-update.sql");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // a schema of its own: the service's Flyway wants its schema to itself
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS bench.pgbench_payments (
                        id          bigserial    PRIMARY KEY,
                        merchant_id varchar(64)  NOT NULL,
                        status      varchar(40)  NOT NULL,
                        amount      bigint       NOT NULL,
                        currency    char(3)      NOT NULL,
                        version     bigint       NOT NULL,
                        created_at  timestamptz  NOT NULL,
                        updated_at  timestamptz  NOT NULL)""");
        }
    }

    Path executable() {
        return executable;
    }

    Result run(int clients, Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--no-vacuum",
                "--host", database.host(), "--port", Integer.toString(database.port()),
                "--username", database.user(),
                "--client", Integer.toString(clients),
                "--jobs", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "--time", Long.toString(duration.toSeconds()),
                "--file", script.toString(), database.name()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        // its rows are of no further use: gone now, they leave autovacuum nothing to do during the service's run
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE bench.pgbench_payments");
        } catch (SQLException failed) {
            throw new IllegalStateException("could not empty pgbench's table", failed);
        }
        return new Result(clients, number(TPS, output), number(LATENCY, output));
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern + ":\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static Optional<Path> find() throws IOException {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(directory, "pgbench");
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin/pgbench"))
                    .filter(Files::isExecutable)
                    .max(Path::compareTo);
        }
    }
}
