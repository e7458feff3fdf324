package dev.tender.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The development run ({@code mvn -Pdev -DskipTests verify}): without a configured database it starts an
 * embedded PostgreSQL and asks the service for demo data (a merchant, an API key printed once, a
 * simulator account), with a key for the connector credentials of this run only. In test scope, so the
 * embedded database never ships in the service's jar.
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
            if (!secretKeyConfigured()) {
                // the embedded database is new on every run, so a key for this run only loses nothing
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                System.setProperty("tender.secrets.keys.dev", Base64.getEncoder().encodeToString(key));
                System.setProperty("tender.secrets.active-key", "dev");
                System.out.println("Connector credentials are encrypted under a key generated for this run "
                        + "(TENDER_SECRETS_KEYS_<ID> to choose one)");
            }
        }
        if (System.getenv("TENDER_ADMIN_API_KEY") == null && System.getProperty("tender.admin-api-key") == null) {
            String adminKey = dev.tender.app.storage.ApiKeys.generate("admin");
            System.setProperty("tender.admin-api-key", adminKey);
            System.out.println("Admin API key for this run (TENDER_ADMIN_API_KEY to choose one): " + adminKey);
        }
        Application.main(args);
    }

    private static boolean secretKeyConfigured() {
        return System.getenv().keySet().stream().anyMatch(name -> name.startsWith("TENDER_SECRETS_KEYS_"))
                || System.getProperties().stringPropertyNames().stream()
                .anyMatch(name -> name.startsWith("tender.secrets.keys."));
    }
}
