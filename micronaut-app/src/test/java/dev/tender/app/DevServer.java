package dev.tender.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/**
 * The development run ({@code mvn -Pdev -DskipTests verify}): without a configured database it starts an
 * embedded PostgreSQL and asks the service for demo data (a merchant, an API key printed once, a
 * simulator account). In test scope, so the embedded database never ships in the service's jar.
 */
public final class DevServer {

    private DevServer() {
    }

    public static void main(String[] args) throws IOException {
        boolean configured = System.getenv("DATASOURCES_DEFAULT_URL") != null
                || System.getProperty("datasources.default.url") != null;
        if (!configured) {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the process is ending anyway
                }
            }));
            System.setProperty("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"));
            System.setProperty("datasources.default.username", "postgres");
            System.setProperty("datasources.default.password", "postgres");
            System.setProperty("tender.demo.enabled", "true");
        }
        if (System.getenv("TENDER_ADMIN_API_KEY") == null && System.getProperty("tender.admin-api-key") == null) {
            String adminKey = dev.tender.app.auth.ApiKeys.generate("admin");
            System.setProperty("tender.admin-api-key", adminKey);
            System.out.println("Admin API key for this run (TENDER_ADMIN_API_KEY to choose one): " + adminKey);
        }
        Application.main(args);
    }
}
