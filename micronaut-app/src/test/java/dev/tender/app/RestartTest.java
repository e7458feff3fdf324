package dev.tender.app;

import dev.tender.connector.simulator.Balance;
import dev.tender.connector.simulator.Fault;
import dev.tender.ports.out.ConnectorRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tender.app.SharedProcessorFixture.PROCESSOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service stopped and started again over the same database: every payment, refund, merchant and key
 * is still there, and the reconciler of the new instance resolves a capture whose answer the old
 * instance never got. The processor ({@link SharedProcessorFixture}) lives on across both, as a real one
 * would.
 */
class RestartTest {

    private static final String ADMIN_KEY = "admin_restart_test_key_0123456789";
    private static final Duration RECONCILED_WITHIN = Duration.ofSeconds(30);

    private final ServiceCalls calls = new ServiceCalls();
    private EmbeddedServer server;

    @AfterEach
    void stop() {
        PROCESSOR.faults().clear();
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Test
    void aRestartedServiceKeepsEveryPaymentAndReconcilesTheCaptureLeftUnknown() {
        // given: the first instance, without a reconciler, takes payments
        start(Map.of("tender.reconciler.enabled", "false", "tender.reconciler.schedule", "100ms",
                "tender.connectors.call-budget", "100ms"));
        String merchantId = "m_restart_" + UUID.randomUUID().toString().substring(0, 8);
        String key = merchantWithSimulator(merchantId);
        String captured = (String) call("POST", key, "/payments", payment("automatic")).get("payment_id");
        call("POST", key, "/refunds", "{\"payment_id\":\"" + captured + "\",\"refund_id\":\"ref_" + merchantId
                + "\",\"amount\":300}");
        String authorized = (String) call("POST", key, "/payments", payment("manual")).get("payment_id");
        String lost = (String) call("POST", key, "/payments", payment("manual")).get("payment_id");

        // and: the processor captures, but every answer to that capture is lost
        PROCESSOR.faults().when(ConnectorRequest.Capture.class::isInstance, Fault.TIMEOUT_AFTER_PROCESSING);
        Map<String, Object> inDoubt = call("POST", key, "/payments/" + lost + "/capture", "{}");
        PROCESSOR.faults().clear();
        Map<String, Map<String, Object>> before = read(key, List.of(captured, authorized, lost));
        String connectorTransactionId = (String) before.get(lost).get("connector_transaction_id");
        assertThat(inDoubt).containsEntry("status", "requires_merchant_action").containsEntry("amount_received", 0);
        assertThat(balance(connectorTransactionId).captured().minor()).as("captured at the processor")
                .isEqualTo(1000);

        // when: it stops and a new instance with a reconciler starts on the same database
        server.getApplicationContext().close();
        start(Map.of("tender.reconciler.enabled", "true", "tender.reconciler.interval", "100ms",
                // a schedule that outlasts a loaded machine: this test is about the sync, not about escalation
                "tender.reconciler.initial-delay", "0s",
                "tender.reconciler.schedule", "100ms,100ms,100ms,1s,2s,5s,10s",
                "tender.connectors.call-budget", "100ms"));

        // then: the new instance syncs the capture left unknown to what the processor did
        Map<String, Object> resolved = awaitStatus(key, lost, "succeeded");
        assertThat(resolved).containsEntry("amount_received", 1000).containsEntry("amount_capturable", 0)
                .containsEntry("connector_transaction_id", connectorTransactionId);
        assertThat(balance(connectorTransactionId).captured().minor()).as("captured once").isEqualTo(1000);

        // and: everything else reads exactly as before the restart, with the same key
        Map<String, Map<String, Object>> after = read(key, List.of(captured, authorized));
        assertThat(after.get(captured)).isEqualTo(before.get(captured));
        assertThat(after.get(authorized)).isEqualTo(before.get(authorized));
        assertThat(call("GET", key, "/refunds/ref_" + merchantId, null)).containsEntry("status", "succeeded")
                .containsEntry("amount", 300).containsEntry("payment_id", captured);
        assertThat(call("GET", key, "/payments/list?limit=10", null)).containsEntry("size", 3);

        // and: the payments go on from where they were
        assertThat(call("POST", key, "/payments/" + authorized + "/capture", "{}")).containsEntry("status", "succeeded")
                .containsEntry("amount_received", 1000);
        assertThat(call("POST", key, "/refunds", "{\"payment_id\":\"" + lost + "\",\"amount\":1000}"))
                .containsEntry("status", "succeeded");
    }

    private void start(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(EmbeddedDatabase.properties());
        properties.putAll(settings);
        properties.put(SharedProcessorFixture.ENABLED, "true");
        properties.put("tender.admin-api-key", ADMIN_KEY);
        // shared by the instances, as in production: client secrets and redirects verify on either
        properties.put("tender.redirect-secret", "restart-test-redirect-secret-0123456789");
        properties.put("micronaut.server.port", "-1");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /** A merchant set up through the admin API, with a simulator account; returns its API key. */
    private String merchantWithSimulator(String merchantId) {
        call("POST", ADMIN_KEY, "/accounts", "{\"merchant_id\":\"" + merchantId + "\",\"merchant_name\":\"Shop\"}");
        call("POST", ADMIN_KEY, "/account/" + merchantId + "/connectors",
                "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\"}");
        return (String) call("POST", ADMIN_KEY, "/api_keys/" + merchantId, "{\"name\":\"backend\"}").get("api_key");
    }

    private static String payment(String captureMethod) {
        return "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,\"capture_method\":\"" + captureMethod + "\","
                + "\"payment_method\":\"card\",\"payment_method_data\":{\"card\":{\"card_number\":\"4242424242424242\","
                + "\"card_exp_month\":\"12\",\"card_exp_year\":\"2035\",\"card_cvc\":\"123\"}}}";
    }

    private Map<String, Map<String, Object>> read(String key, List<String> paymentIds) {
        Map<String, Map<String, Object>> payments = new HashMap<>();
        paymentIds.forEach(id -> payments.put(id, call("GET", key, "/payments/" + id, null)));
        return payments;
    }

    private Map<String, Object> awaitStatus(String key, String paymentId, String status) {
        return Eventually.status(() -> call("GET", key, "/payments/" + paymentId, null), status, RECONCILED_WITHIN);
    }

    private static Balance balance(String connectorTransactionId) {
        return PROCESSOR.ledger().balance(connectorTransactionId).getOrElseThrow(
                () -> new AssertionError("the processor knows no " + connectorTransactionId));
    }

    /** One request to the running instance; the answer must be 200; returns its JSON. */
    private Map<String, Object> call(String method, String key, String path, String body) {
        return calls.call(server, method, key, path, body, 200);
    }
}
