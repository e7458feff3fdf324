package dev.tender.benchmarks.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of a run: an embedded one (zonky's PostgreSQL 17 binaries, durable commits as a
 * server's default: {@code synchronous_commit=on}) unless a running server is given.
 */
public record Database(String host, int port, String name, String user, String password, AutoCloseable stop)
        implements AutoCloseable {

    public static Database embedded() throws IOException {
        return embedded(EmbeddedPostgres.builder());
    }

    /**
     * An embedded one that also counts every statement ({@code pg_stat_statements}, which zonky's binaries
     * ship; the extension is created in the run's database).
     */
    static Database embeddedCountingStatements() throws IOException, SQLException {
        Database database = embedded(EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.max", "10000"));
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("CREATE ROLE " + COUNTER + " LOGIN SUPERUSER PASSWORD '" + COUNTER + "'");
        }
        return database;
    }

    /** The role that reads the counts, so that its own statements can be told apart. */
    static final String COUNTER = "statement_counter";

    /** A connection as {@link #COUNTER}. */
    Connection connectAsCounter() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), COUNTER, COUNTER);
    }

    private static Database embedded(EmbeddedPostgres.Builder builder) throws IOException {
        EmbeddedPostgres postgres = builder
                // zonky turns it off for tests; a payment service's database keeps PostgreSQL's default
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300")
                .start();
        return new Database("localhost", postgres.getPort(), "postgres", "postgres", "postgres", postgres);
    }

    /** A running server, from {@code postgresql://user:password@host:port/database}. */
    static Database external(String url) {
        URI uri = URI.create(url);
        String[] credentials = uri.getUserInfo() == null ? new String[] {"postgres", ""}
                : uri.getUserInfo().split(":", 2);
        String name = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new Database(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), name, credentials[0],
                credentials.length > 1 ? credentials[1] : "", () -> { });
    }

    /**
     * The postmaster's process id, to count PostgreSQL's CPU time (the postmaster and its backends): the
     * parent of this connection's backend. 0 when the server is not a process of this machine.
     */
    long postmasterPid() throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return ProcessHandle.of(rows.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(0L);
        }
    }

    /** Statistics for every table, as autovacuum keeps them on a live database. */
    void analyze() throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    /** A new connection to the run's database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
