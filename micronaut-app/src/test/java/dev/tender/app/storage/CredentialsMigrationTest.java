package dev.tender.app.storage;

import dev.tender.app.LogCapture;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows written before credentials were encrypted (plain JSON) are encrypted by the service's start, once,
 * even with two instances starting at once on the database, without logging them; the accounts work as
 * before.
 */
class CredentialsMigrationTest {

    private static final String ADMIN_KEY = "admin_credentials_migration_key_0123";
    private static final int BULK = 249;
    private static final Pattern ENCRYPTED = Pattern.compile("Connector credentials: (\\d+) plain rows encrypted");

    private final SeparateDatabase database = SeparateDatabase.create("credentials_migration");
    private final String key = SecretKeyFixtures.randomKey();
    private final List<EmbeddedServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.getApplicationContext().close());
    }

    @Test
    void twoInstancesStartingOnPlainRowsEncryptEveryRowOnceAndTheAccountsStillWork() throws Exception {
        // given: a database of V2 with plain credentials, as the service wrote them then (the service
        // migrates the rest of the schema when it starts)
        Flyway.configure().dataSource(database.url(), "postgres", "postgres").locations("classpath:db/migration")
                .target("2").load().migrate();
        database.sql("INSERT INTO merchants (merchant_id, merchant_name, publishable_key, created_at) VALUES "
                + "('m_plain', 'Plain', 'pk_plain', now()), ('m_bulk', 'Bulk', 'pk_bulk', now())");
        database.sql("INSERT INTO connector_accounts (account_id, merchant_id, connector_name, label, credentials, "
                + "settings, created_at) VALUES ('mca_plain', 'm_plain', 'simulator', 'main', "
                + "'{\"api_key\":\"sk_plain_SECRET_main\"}', '{}', now())");
        database.sql("INSERT INTO connector_accounts (account_id, merchant_id, connector_name, label, credentials, "
                + "settings, created_at) SELECT 'mca_bulk_' || i, 'm_bulk', 'stripe', 'l' || i, "
                + "'{\"api_key\":\"sk_plain_SECRET_' || i || '\"}', '{}', now() "
                + "FROM generate_series(1, " + BULK + ") i");

        // when: two instances start at once, everything they log captured from DEBUG up
        List<String> log;
        try (LogCapture capture = LogCapture.everything()) {
            CompletableFuture<EmbeddedServer> first = CompletableFuture.supplyAsync(this::start);
            CompletableFuture<EmbeddedServer> second = CompletableFuture.supplyAsync(this::start);
            servers.add(first.get());
            servers.add(second.get());
            log = capture.lines();
        }

        // then: no secret is left in clear, every row is under the configured key
        assertThat(database.count("SELECT count(*) FROM connector_accounts WHERE strpos(credentials, 'sk_plain') > 0 "
                + "OR strpos(credentials, 'api_key') > 0")).isZero();
        assertThat(database.count("SELECT count(*) FROM connector_accounts WHERE credentials LIKE 'v1:mig:%'"))
                .isEqualTo(BULK + 1);

        // and: between them the two starts encrypted each row once, and logged neither a secret nor the key
        assertThat(log.stream().map(ENCRYPTED::matcher).filter(Matcher::find)
                .mapToInt(found -> Integer.parseInt(found.group(1))).sum()).isEqualTo(BULK + 1);
        assertThat(log).noneSatisfy(line -> assertThat(line).containsAnyOf("sk_plain", key));

        // and: each row reads back as it was, on either instance, and a second run changes nothing
        JdbcConnectorAccounts accounts = servers.get(1).getApplicationContext().getBean(JdbcConnectorAccounts.class);
        for (int i = 1; i <= BULK; i++) {
            assertThat(accounts.find(MerchantId.of("m_bulk"), "mca_bulk_" + i).get().credentials().require("api_key"))
                    .isEqualTo("sk_plain_SECRET_" + i);
        }
        assertThat(servers.get(0).getApplicationContext().getBean(CredentialsResealing.class).resealAll())
                .isEqualTo(new CredentialsResealing.Outcome(0, 0, java.util.Set.of()));

        // and: a payment goes through the account that was plain
        String base = "http://localhost:" + servers.get(0).getPort();
        String apiKey = json(send(base, "POST", "/api_keys/m_plain", ADMIN_KEY, "{\"name\":\"backend\"}"))
                .get("api_key").toString();
        Map<String, Object> payment = json(send(base, "POST", "/payments", apiKey, "{\"amount\":1000,"
                + "\"currency\":\"USD\",\"confirm\":true,\"capture_method\":\"automatic\",\"payment_method\":\"card\","
                + "\"payment_method_data\":{\"card\":{\"card_number\":\"4242424242424242\",\"card_exp_month\":\"12\","
                + "\"card_exp_year\":\"2035\",\"card_cvc\":\"123\"}}}"));
        assertThat(payment).containsEntry("status", "succeeded").containsEntry("merchant_connector_id", "mca_plain");
    }

    private EmbeddedServer start() {
        Map<String, Object> properties = database.properties();
        properties.put("tender.secrets.keys.mig", key);
        properties.put("tender.secrets.active-key", "mig");
        properties.put("tender.admin-api-key", ADMIN_KEY);
        properties.put("tender.reconciler.enabled", "false");
        properties.put("micronaut.server.port", "-1");
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static String send(String base, String method, String path, String apiKey, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("api-key", apiKey)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String body) throws Exception {
        return servers.get(0).getApplicationContext().getBean(io.micronaut.json.JsonMapper.class)
                .readValue(body, Map.class);
    }
}
