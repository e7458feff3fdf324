package dev.tender.app.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tender.app.Eventually;
import dev.tender.app.webhooks.WebhookSender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks against a real HTTP receiver: each event arrives signed and shows the status of its moment; a receiver
 * that fails gets it again on the schedule; one down for the whole schedule ends with the event failed and every
 * attempt listed; a manual retry delivers it.
 */
@MicronautTest(transactional = false)
class WebhookDeliveryApiTest extends ApiTestSupport {

    private final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("tender.webhooks.poll-interval", "100ms");
        properties.put("tender.webhooks.initial-delay", "100ms");
        properties.put("tender.webhooks.retry-schedule", "200ms,200ms,200ms,200ms");
        properties.put("tender.webhooks.timeout", "2s");
        return properties;
    }

    @BeforeAll
    void startReceiver() {
        receiver.start();
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void resetReceiver() {
        receiver.resetAll();
    }

    /** A merchant whose webhook is {@code path} on the receiver; returns its key. */
    private String merchantWithWebhook(String path) {
        String key = merchant("m_hook");
        String merchantId = merchantIdOf(key);
        Answer updated = send(HttpRequest.POST("/accounts/" + merchantId, "{\"merchant_id\":\"" + merchantId
                        + "\",\"webhook_details\":{\"webhook_url\":\"http://localhost:" + receiver.port() + path
                        + "\",\"payment_statuses_enabled\":[],\"refund_statuses_enabled\":[]}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("api-key", ADMIN_KEY));
        ok(updated);
        return key;
    }

    private String hashKey(String apiKey) {
        Map<String, Object> account = ok(send(HttpRequest.GET("/accounts/" + merchantIdOf(apiKey))
                .header("api-key", ADMIN_KEY)));
        return (String) account.get("payment_response_hash_key");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(LoggedRequest request) {
        try {
            return json.readValue(request.getBodyAsString(), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<LoggedRequest> received(String path) {
        return receiver.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachEventArrivesOnceSignedWithTheStatusOfItsMoment() {
        // given
        receiver.stubFor(WireMock.post(urlPathEqualTo("/all")).willReturn(aResponse().withStatus(200)));
        String key = merchantWithWebhook("/all");
        String hashKey = hashKey(key);

        // when: authorized, then captured, then refunded, one after the other
        String paymentId = (String) confirmedPayment(key, 1000, "manual").get("payment_id");
        ok(post(key, "/payments/" + paymentId + "/capture", "{}"));
        ok(post(key, "/refunds", "{\"payment_id\":\"" + paymentId + "\",\"amount\":400}"));

        // then
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(received("/all")).hasSize(3));
        List<Map<String, Object>> bodies = received("/all").stream().map(this::parse).toList();
        assertThat(bodies).extracting(b -> b.get("event_type"))
                .containsExactly("payment_authorized", "payment_succeeded", "refund_succeeded");
        assertThat(bodies).extracting(b -> b.get("event_id")).doesNotHaveDuplicates();
        assertThat(bodies).allSatisfy(b -> assertThat(b).containsEntry("merchant_id", merchantIdOf(key)));
        Map<String, Object> authorized = (Map<String, Object>) bodies.get(0).get("content");
        assertThat(authorized).containsEntry("type", "payment_details");
        assertThat((Map<String, Object>) authorized.get("object")).containsEntry("payment_id", paymentId)
                .containsEntry("status", "requires_capture");
        Map<String, Object> refunded = (Map<String, Object>) bodies.get(2).get("content");
        assertThat(refunded).containsEntry("type", "refund_details");
        assertThat((Map<String, Object>) refunded.get("object")).containsEntry("status", "succeeded")
                .containsEntry("amount", 400);
        for (LoggedRequest request : received("/all")) {
            assertThat(request.getHeader(WebhookSender.SIGNATURE_HEADER)).isEqualTo(WebhookSender.signature(
                    request.getBody(), hashKey));
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        }
        // and the metrics count them
        String metrics = send(HttpRequest.GET("/prometheus")).body();
        assertThat(metrics).containsPattern("tender_webhooks_deliveries_total\\{[^}]*outcome=\"delivered\"[^}]*} [1-9]")
                .contains("tender_webhooks_queue_depth").contains("tender_webhooks_queue_oldest_seconds");
        // and the events API lists them, delivered
        Map<String, Object> listed = ok(post(key, "/events/" + merchantIdOf(key), "{\"object_id\":\"" + paymentId
                + "\"}"));
        assertThat(listed).containsEntry("total_count", 3);
        assertThat((List<Map<String, Object>>) listed.get("events")).allSatisfy(e ->
                assertThat(e).containsEntry("is_delivery_successful", true));
    }

    @Test
    void aDeclineAVoidAChallengeAndAPartialCaptureEachAnnounceTheirOwnType() {
        // given
        receiver.stubFor(WireMock.post(urlPathEqualTo("/types")).willReturn(aResponse().withStatus(200)));
        String key = merchantWithWebhook("/types");
        String usd = "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,\"capture_method\":\"manual\",";

        // when
        String declined = (String) ok(post(key, "/payments", usd + card("4000000000000002") + "}")).get("payment_id");
        String voided = (String) ok(post(key, "/payments", usd + card(VISA) + "}")).get("payment_id");
        ok(post(key, "/payments/" + voided + "/cancel", "{\"cancellation_reason\":\"changed mind\"}"));
        String challenged = (String) ok(post(key, "/payments", usd + card("4000000000003063")
                + ",\"return_url\":\"https://shop.example/back\"}")).get("payment_id");
        String partial = (String) ok(post(key, "/payments", usd + card(VISA) + "}")).get("payment_id");
        ok(post(key, "/payments/" + partial + "/capture", "{\"amount_to_capture\":400}"));

        // then: in each payment's order
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(received("/types")).hasSize(6));
        java.util.Map<String, List<String>> byPayment = new java.util.HashMap<>();
        for (LoggedRequest request : received("/types")) {
            Map<String, Object> body = parse(request);
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) body.get("content");
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) content.get("object");
            byPayment.computeIfAbsent((String) object.get("payment_id"), id -> new java.util.ArrayList<>())
                    .add(body.get("event_type") + ":" + object.get("status"));
        }
        assertThat(byPayment.get(declined)).containsExactly("payment_failed:failed");
        assertThat(byPayment.get(voided)).containsExactly("payment_authorized:requires_capture",
                "payment_cancelled:cancelled");
        assertThat(byPayment.get(challenged)).containsExactly("action_required:requires_customer_action");
        assertThat(byPayment.get(partial)).containsExactly("payment_authorized:requires_capture",
                "payment_captured:partially_captured");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReceiverFailingThreeTimesGetsItOnTheFourthAndEveryAttemptIsListed() {
        // given
        receiver.stubFor(WireMock.post(urlPathEqualTo("/flaky")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("down")).willSetStateTo("1"));
        receiver.stubFor(WireMock.post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("1")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("2"));
        receiver.stubFor(WireMock.post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(302).withHeader("Location", "http://elsewhere.example/"))
                .willSetStateTo("3"));
        receiver.stubFor(WireMock.post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("3")
                .willReturn(aResponse().withStatus(204)));
        String key = merchantWithWebhook("/flaky");

        // when
        String paymentId = (String) confirmedPayment(key, 1000, "manual").get("payment_id");

        // then
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(received("/flaky")).hasSize(4));
        List<Object> bodies = received("/flaky").stream().map(r -> new String(r.getBody(), StandardCharsets.UTF_8))
                .distinct().map(b -> (Object) b).toList();
        assertThat(bodies).as("every attempt sends the same body").hasSize(1);
        String eventId = (String) parse(received("/flaky").get(0)).get("event_id");
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(attempts(key, eventId)).hasSize(4));
        List<Map<String, Object>> attempts = attempts(key, eventId);
        assertThat(attempts).extracting(a -> ((Map<String, Object>) a.get("response")).get("status_code"))
                .containsExactly(500, 503, 302, 204);
        assertThat(attempts).extracting(a -> a.get("delivery_attempt")).containsExactly("initial_attempt",
                "automatic_retry", "automatic_retry", "automatic_retry");
        assertThat(attempts.get(3)).containsEntry("is_delivery_successful", true).containsEntry("object_id", paymentId);
        assertThat(((Map<String, Object>) attempts.get(0).get("response")).get("body")).isEqualTo("down");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReceiverDownForTheWholeScheduleEndsFailedAndAManualRetryDelivers() {
        // given
        receiver.stubFor(WireMock.post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(500)));
        String key = merchantWithWebhook("/down");
        confirmedPayment(key, 1000, "automatic");

        // when: five attempts (the first and four retries), then the schedule is spent
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(received("/down")).hasSize(5));
        String eventId = (String) parse(received("/down").get(0)).get("event_id");
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(eventOf(key, eventId))
                .containsEntry("is_delivery_successful", false));

        // then it is not tried again
        sleep(Duration.ofMillis(800));
        assertThat(received("/down")).hasSize(5);
        assertThat(attempts(key, eventId)).hasSize(5);

        // and when the receiver is back, a manual retry delivers it
        receiver.stubFor(WireMock.post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(200)));
        Map<String, Object> retried = ok(post(key, "/events/" + merchantIdOf(key) + "/" + eventId + "/retry", ""));
        assertThat(retried).containsEntry("delivery_attempt", "manual_retry")
                .containsEntry("event_id", eventId + "_6").containsEntry("initial_attempt_id", eventId);
        assertThat((Map<String, Object>) retried.get("response")).containsEntry("status_code", 200);
        assertThat(eventOf(key, eventId)).containsEntry("is_delivery_successful", true);
    }

    @Test
    void anotherMerchantsEventsAreNotFoundAndTheListRefusesBadFilters() {
        // given
        receiver.stubFor(WireMock.post(urlPathEqualTo("/mine")).willReturn(aResponse().withStatus(200)));
        String mine = merchantWithWebhook("/mine");
        String other = merchant("m_other");
        confirmedPayment(mine, 1000, "automatic");
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(received("/mine")).hasSize(1));
        String eventId = (String) parse(received("/mine").get(0)).get("event_id");

        // when / then
        error(get(other, "/events/" + merchantIdOf(mine) + "/" + eventId + "/attempts"), 401);
        error(get(other, "/events/" + merchantIdOf(other) + "/" + eventId + "/attempts"), 404);
        error(post(other, "/events/" + merchantIdOf(other) + "/" + eventId + "/retry", ""), 404);
        assertThat(error(post(mine, "/events/" + merchantIdOf(mine), "{\"event_types\":[\"nope\"],"
                + "\"created_after\":\"yesterday\",\"limit\":1000}"), 400).get("message").toString())
                .contains("event_types").contains("created_after").contains("limit");
    }

    private List<Map<String, Object>> attempts(String key, String eventId) {
        Answer answer = get(key, "/events/" + merchantIdOf(key) + "/" + eventId + "/attempts");
        if (answer.status() != 200) {
            throw new AssertionError(answer.body());
        }
        try {
            return json.readValue(answer.body(), io.micronaut.core.type.Argument.listOf(
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> eventOf(String key, String eventId) {
        Map<String, Object> listed = ok(post(key, "/events/" + merchantIdOf(key), "{\"event_id\":\"" + eventId
                + "\"}"));
        return ((List<Map<String, Object>>) listed.get("events")).get(0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
