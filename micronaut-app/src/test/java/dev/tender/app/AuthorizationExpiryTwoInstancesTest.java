package dev.tender.app;

import dev.tender.connector.simulator.LedgerEntry;
import dev.tender.domain.payment.TransactionKind;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tender.app.ExpiryFixture.PROCESSOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, each running the expiry job every few milliseconds, and authorizations
 * whose window (the connector account's {@code authorization_window}) passes on the shared test clock: each
 * payment ends {@code expired}, the processor's ledger holds exactly one void of it, and a capture then
 * answers the expiration error without reaching the processor.
 */
class AuthorizationExpiryTwoInstancesTest {

    private static final String ADMIN_KEY = "admin_expiry_test_key_0123456789";
    private static final Duration EXPIRED_WITHIN = Duration.ofSeconds(60);
    private static final int PAYMENTS = 6;

    private final ServiceCalls calls = new ServiceCalls();
    private final List<EmbeddedServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.getApplicationContext().close());
        ExpiryFixture.AHEAD.set(Duration.ZERO);
    }

    @Test
    void twoInstancesExpireEachLapsedAuthorizationOnceWithOneVoidAtTheProcessor() {
        // given: two instances whose expiry jobs run all the time, and a merchant whose account holds for 1 h
        EmbeddedServer first = start();
        EmbeddedServer second = start();
        String merchantId = "m_expiry_" + UUID.randomUUID().toString().substring(0, 8);
        String key = merchantWithSimulator(first, merchantId, "PT1H");
        List<String> paymentIds = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            // half through each instance: either may have authorized what the other expires
            paymentIds.add((String) call(i % 2 == 0 ? first : second, "POST", key, "/payments", payment(), 200)
                    .get("payment_id"));
        }
        Map<String, Object> authorized = call(first, "GET", key, "/payments/" + paymentIds.get(0), null, 200);
        assertThat(authorized).containsEntry("status", "requires_capture").containsEntry("amount_capturable", 1000);

        // when: the window passes
        ExpiryFixture.AHEAD.set(Duration.ofHours(1));

        // then: every payment ends expired, voided once at the processor
        for (String paymentId : paymentIds) {
            Map<String, Object> expired = awaitStatus(second, key, paymentId, "expired");
            assertThat(expired).containsEntry("amount_capturable", 0).containsEntry("amount_received", 0)
                    .containsEntry("cancellation_reason", "authorization_expired");
            String reference = (String) expired.get("connector_transaction_id");
            List<LedgerEntry> voids = PROCESSOR.ledger().entries(reference)
                    .filter(e -> e.kind() == TransactionKind.VOID).asJava();
            assertThat(voids).as("voids of %s at the processor", paymentId).hasSize(1);
            assertThat(voids.get(0).amount().minor()).isEqualTo(1000);
            assertThat(voids.get(0).status()).isEqualTo(LedgerEntry.Status.SUCCEEDED);
            assertThat(voidsSent(merchantId, paymentId)).as("voids of %s sent", paymentId).isEqualTo(1);
        }

        // and: a capture answers the expiration error, and nothing reaches the processor
        String captured = paymentIds.get(1);
        String reference = (String) call(first, "GET", key, "/payments/" + captured, null, 200)
                .get("connector_transaction_id");
        int entriesBefore = PROCESSOR.ledger().entries(reference).size();
        Map<String, Object> refused = call(second, "POST", key, "/payments/" + captured + "/capture", "{}", 400);
        assertThat(refused.get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("code", "IR_90").containsEntry("type", "invalid_request");
        assertThat(PROCESSOR.ledger().entries(reference)).hasSize(entriesBefore);
        assertThat(call(first, "GET", key, "/payments/" + captured, null, 200)).containsEntry("status", "expired");
    }

    @Test
    void anAccountWindowThatIsNotADurationIsRefusedAtTheDoor() {
        // given
        EmbeddedServer server = start();
        String merchantId = "m_expiry_" + UUID.randomUUID().toString().substring(0, 8);
        call(server, "POST", ADMIN_KEY, "/accounts", "{\"merchant_id\":\"" + merchantId
                + "\",\"merchant_name\":\"Shop\"}", 200);

        // when
        Map<String, Object> refused = call(server, "POST", ADMIN_KEY, "/account/" + merchantId + "/connectors",
                "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\","
                        + "\"metadata\":{\"authorization_window\":\"7 days\"}}", 400);

        // then
        assertThat(refused.get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("code", "IR_06");
        assertThat(String.valueOf(refused.get("error"))).contains("metadata.authorization_window");
    }

    /**
     * The void transactions the instances began on the payment: each is saved before it is sent, so a
     * second one would show here even where the processor declined it and its ledger shows nothing.
     */
    private static int voidsSent(String merchantId, String paymentId) {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM payments p, "
                     + "json_array_elements(p.transactions) t WHERE p.merchant_id = ? AND p.payment_id = ? AND t ->> 'kind' = 'void'")) {
            statement.setString(1, merchantId);
            statement.setString(2, paymentId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private EmbeddedServer start() {
        Map<String, Object> properties = new HashMap<>(EmbeddedDatabase.properties());
        properties.put(ExpiryFixture.ENABLED, "true");
        properties.put("tender.admin-api-key", ADMIN_KEY);
        properties.put("tender.redirect-secret", "expiry-test-redirect-secret-0123456789");
        properties.put("tender.reconciler.enabled", "false");
        properties.put("tender.expiry.interval", "10ms");
        properties.put("tender.expiry.initial-delay", "0s");
        properties.put("micronaut.server.port", "-1");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        servers.add(server);
        return server;
    }

    /** A merchant with a simulator account whose authorizations hold for {@code window}; returns its API key. */
    private String merchantWithSimulator(EmbeddedServer server, String merchantId, String window) {
        call(server, "POST", ADMIN_KEY, "/accounts", "{\"merchant_id\":\"" + merchantId
                + "\",\"merchant_name\":\"Shop\"}", 200);
        call(server, "POST", ADMIN_KEY, "/account/" + merchantId + "/connectors",
                "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\","
                        + "\"metadata\":{\"authorization_window\":\"" + window + "\"}}", 200);
        return (String) call(server, "POST", ADMIN_KEY, "/api_keys/" + merchantId, "{\"name\":\"backend\"}", 200)
                .get("api_key");
    }

    private static String payment() {
        return "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,\"capture_method\":\"manual\","
                + "\"payment_method\":\"card\",\"payment_method_data\":{\"card\":{\"card_number\":\"4242424242424242\","
                + "\"card_exp_month\":\"12\",\"card_exp_year\":\"2035\",\"card_cvc\":\"123\"}}}";
    }

    private Map<String, Object> awaitStatus(EmbeddedServer server, String key, String paymentId, String status) {
        return Eventually.status(() -> call(server, "GET", key, "/payments/" + paymentId, null, 200), status,
                EXPIRED_WITHIN);
    }

    private Map<String, Object> call(EmbeddedServer server, String method, String key, String path, String body,
                                     int expected) {
        return calls.call(server, method, key, path, body, expected);
    }
}
