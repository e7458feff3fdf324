package dev.tender.benchmarks.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tender.connector.kit.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The campaign's witness must be right before its verdict means anything: each fault does what it claims
 * to the money and to the idempotency key, and the ledger shows what moved.
 */
class FakeStripeTest {

    private static final String CREATE = "amount=5000&currency=usd&capture_method=manual&confirm=true"
            + "&metadata%5Btender_payment_id%5D=pay_1&metadata%5Btender_idempotency_key%5D=k1";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;
    private FaultMix faults;

    private URI start(double rate, Fault fault) throws IOException {
        faults = new FaultMix(rate, fault);
        server = new FakeStripe("sk_test", faults, 300, 10).serve(0);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aFiveHundredAfterWorkMovesTheMoneyAndIsReplayedForTheKey() throws Exception {
        // given
        URI base = start(1, Fault.ERROR_AFTER_WORK);
        // when
        HttpResponse<String> first = post(base, "/v1/payment_intents", "key-1", CREATE);
        faults.rate(0);
        HttpResponse<String> again = post(base, "/v1/payment_intents", "key-1", CREATE);
        // then
        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(again.statusCode()).isEqualTo(500);
        assertThat(again.body()).isEqualTo(first.body());
        JsonNode intents = ledger(base).path("intents");
        assertThat(intents).hasSize(1);
        assertThat(intents.get(0).path("payment_id").asText()).isEqualTo("pay_1");
        assertThat(intents.get(0).path("held").asLong()).isEqualTo(5000);
        assertThat(faults.count(Fault.ERROR_AFTER_WORK)).isEqualTo(1);
    }

    @Test
    void aFiveHundredBeforeWorkMovesNothingAndIsReplayedForTheKey() throws Exception {
        // given
        URI base = start(1, Fault.ERROR_BEFORE_WORK);
        // when
        HttpResponse<String> first = post(base, "/v1/payment_intents", "key-1", CREATE);
        faults.rate(0);
        HttpResponse<String> again = post(base, "/v1/payment_intents", "key-1", CREATE);
        // then
        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(again.statusCode()).isEqualTo(500);
        assertThat(ledger(base).path("intents")).isEmpty();
    }

    @Test
    void aResetBeforeWorkMovesNothingAndLeavesTheKeyFree() throws Exception {
        // given
        URI base = start(1, Fault.RESET_BEFORE_WORK);
        // when
        assertThatThrownBy(() -> post(base, "/v1/payment_intents", "key-1", CREATE)).isInstanceOf(IOException.class);
        assertThat(ledger(base).path("intents")).isEmpty();
        faults.rate(0);
        HttpResponse<String> again = post(base, "/v1/payment_intents", "key-1", CREATE);
        // then
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ledger(base).path("intents")).hasSize(1);
    }

    @Test
    void aResetAfterWorkMovesTheMoneyAndTheRetryGetsTheSavedAnswer() throws Exception {
        // given
        URI base = start(1, Fault.RESET_AFTER_WORK);
        // when
        assertThatThrownBy(() -> post(base, "/v1/payment_intents", "key-1", CREATE)).isInstanceOf(IOException.class);
        faults.rate(0);
        HttpResponse<String> again = post(base, "/v1/payment_intents", "key-1", CREATE);
        // then
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.read(again.body()).path("status").asText()).isEqualTo("requires_capture");
        assertThat(ledger(base).path("intents")).hasSize(1);
    }

    @Test
    void aHangHoldsTheKeyInProgressThenDoesTheWork() throws Exception {
        // given
        URI base = start(1, Fault.HANG);
        Thread hanging = Thread.ofVirtual().start(() -> {
            try {
                post(base, "/v1/payment_intents", "key-1", CREATE);
            } catch (Exception ignored) {
                // the answer is not the point here
            }
        });
        Thread.sleep(100);
        // when
        faults.rate(0);
        HttpResponse<String> meanwhile = post(base, "/v1/payment_intents", "key-1", CREATE);
        hanging.join();
        // then
        assertThat(meanwhile.statusCode()).isEqualTo(409);
        assertThat(ledger(base).path("intents")).hasSize(1);
    }

    @Test
    void multicaptureCapturesPartsThenTheRefundAndTheLedgerAddUp() throws Exception {
        // given
        URI base = start(0, Fault.SLOW);
        String id = Json.read(post(base, "/v1/payment_intents", "k", CREATE
                + "&payment_method_options%5Bcard%5D%5Brequest_multicapture%5D=if_available").body())
                .path("id").asText();
        // when
        post(base, "/v1/payment_intents/" + id + "/capture", "c1", "amount_to_capture=1500&final_capture=false");
        post(base, "/v1/payment_intents/" + id + "/capture", "c2", "amount_to_capture=1000&final_capture=false");
        post(base, "/v1/refunds", "r1", "payment_intent=" + id + "&amount=700");
        HttpResponse<String> otherBody = post(base, "/v1/refunds", "r1", "payment_intent=" + id + "&amount=701");
        // then
        JsonNode intent = ledger(base).path("intents").get(0);
        assertThat(intent.path("captured").asLong()).isEqualTo(2500);
        assertThat(intent.path("held").asLong()).isEqualTo(2500);
        assertThat(intent.path("refunded").asLong()).isEqualTo(700);
        assertThat(otherBody.statusCode()).isEqualTo(400);
        assertThat(otherBody.body()).contains("idempotency_error");
    }

    private HttpResponse<String> post(URI base, String path, String key, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer sk_test")
                .header("Idempotency-Key", key).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ledger(URI base) throws Exception {
        return Json.read(http.send(HttpRequest.newBuilder(base.resolve("/_ledger")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
