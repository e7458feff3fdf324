package dev.tender.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox outlives the instance that wrote it: an instance takes payments and goes away before any webhook
 * is sent; two others, on the same database, deliver every event it recorded, each once.
 */
class WebhookInstancesTest {

    private static final String ADMIN_KEY = "admin_webhook_instances_key_0123456789";
    private static final int PAYMENTS = 8;

    private final ServiceCalls calls = new ServiceCalls();
    private final List<EmbeddedServer> servers = new ArrayList<>();
    private final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @BeforeEach
    void startReceiver() {
        receiver.start();
        receiver.stubFor(WireMock.post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        servers.forEach(server -> server.getApplicationContext().close());
        receiver.stop();
    }

    private EmbeddedServer start(boolean webhooks) {
        Map<String, Object> properties = new HashMap<>(EmbeddedDatabase.properties());
        properties.put("tender.admin-api-key", ADMIN_KEY);
        properties.put("tender.reconciler.enabled", "false");
        properties.put("tender.expiry.enabled", "false");
        properties.put("tender.cards.purge-enabled", "false");
        properties.put("tender.webhooks.enabled", String.valueOf(webhooks));
        properties.put("tender.webhooks.poll-interval", "50ms");
        properties.put("tender.webhooks.initial-delay", "0s");
        properties.put("tender.webhooks.batch-size", "3");
        properties.put("micronaut.server.port", "-1");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        servers.add(server);
        return server;
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventsRecordedByAnInstanceThatWentAwayAreDeliveredByTwoOthersEachOnce() throws Exception {
        // given: an instance without webhook delivery takes payments, then goes away before anything is sent
        EmbeddedServer first = start(false);
        String merchantId = "m_hooks_" + UUID.randomUUID().toString().substring(0, 8);
        calls.call(first, "POST", ADMIN_KEY, "/accounts", "{\"merchant_id\":\"" + merchantId + "\",\"merchant_name\":"
                + "\"Shop\",\"webhook_details\":{\"webhook_url\":\"http://localhost:" + receiver.port() + "/hook\"}}",
                200);
        calls.call(first, "POST", ADMIN_KEY, "/account/" + merchantId + "/connectors",
                "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\"}", 200);
        String key = (String) calls.call(first, "POST", ADMIN_KEY, "/api_keys/" + merchantId, "{\"name\":\"b\"}", 200)
                .get("api_key");
        for (int i = 0; i < PAYMENTS; i++) {
            String id = (String) calls.call(first, "POST", key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                    + "\"confirm\":true,\"capture_method\":\"manual\",\"payment_method\":\"card\","
                    + "\"payment_method_data\":{\"card\":{\"card_number\":\"4242424242424242\",\"card_exp_month\":"
                    + "\"12\",\"card_exp_year\":\"2035\",\"card_cvc\":\"123\"}}}", 200).get("payment_id");
            calls.call(first, "POST", key, "/payments/" + id + "/capture", "{}", 200);
        }
        first.getApplicationContext().close();
        servers.remove(first);
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hook")))).isEmpty();

        // when: two instances with delivery start on the same database
        start(true);
        start(true);

        // then: each event arrives once: an authorization and a capture per payment
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(receiver.findAll(
                postRequestedFor(urlPathEqualTo("/hook")))).hasSizeGreaterThanOrEqualTo(2 * PAYMENTS));
        Thread.sleep(500);
        JsonMapper json = JsonMapper.createDefault();
        List<String> eventIds = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (LoggedRequest request : receiver.findAll(postRequestedFor(urlPathEqualTo("/hook")))) {
            Map<String, Object> body = json.readValue(request.getBody(), Map.class);
            eventIds.add((String) body.get("event_id"));
            types.add((String) body.get("event_type"));
        }
        assertThat(eventIds).hasSize(2 * PAYMENTS).doesNotHaveDuplicates();
        assertThat(types).filteredOn("payment_authorized"::equals).hasSize(PAYMENTS);
        assertThat(types).filteredOn("payment_succeeded"::equals).hasSize(PAYMENTS);
    }
}
