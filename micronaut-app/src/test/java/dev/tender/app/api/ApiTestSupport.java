package dev.tender.app.api;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.app.admin.MerchantStore;
import dev.tender.app.storage.JdbcConnectorAccounts;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the API tests share: the service as wired for production over the embedded PostgreSQL of the
 * test JVM ({@link EmbeddedDatabase}), with the simulator (and the slow one of {@link ApiTestFixtures});
 * merchants with real API keys and a simulator account; a client that sends raw JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestSupport implements TestPropertyProvider {

    static final String VISA = "4242424242424242";
    static final String ADMIN_KEY = "admin_api_test_key_0123456789";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    MerchantStore merchants;

    @Inject
    JdbcConnectorAccounts accounts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        EmbeddedDatabase.properties().forEach((name, value) -> properties.put(name, String.valueOf(value)));
        properties.put(ApiTestFixtures.ENABLED, "true");
        properties.put("tender.admin-api-key", ADMIN_KEY);
        // no background sync: a test sees a pending payment as it left it
        properties.put("tender.reconciler.enabled", "false");
        // no background expiry either: other tests' fixtures hold authorizations lapsed long ago
        properties.put("tender.expiry.enabled", "false");
        // nor purge of held cards: the storage tests' cards, in the same database, are held until long ago
        properties.put("tender.cards.purge-enabled", "false");
        return properties;
    }

    /** A response whatever its status, with its body as text and as JSON. */
    record Answer(int status, String body, HttpResponse<?> response) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json(JsonMapper mapper) {
            try {
                return mapper.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    /** A new merchant with an API key and a simulator account; returns the key. */
    String merchant(String prefix) {
        return merchant(prefix, "simulator");
    }

    String merchant(String prefix, String connector) {
        String id = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        merchants.create(id, "Shop " + id);
        String key = merchants.createApiKey(id, "key_" + id, "test");
        accounts.add(new ConnectorAccount("acc_" + id, MerchantId.of(id), connector, "default", 0, true,
                Credentials.of(io.vavr.collection.HashMap.empty()), io.vavr.collection.HashMap.empty()));
        return key;
    }

    String merchantIdOf(String apiKey) {
        return merchants.merchantOfKey(apiKey).orElseThrow().value();
    }

    Answer post(String apiKey, String path, String body) {
        return post(apiKey, path, body, null);
    }

    Answer post(String apiKey, String path, String body, String idempotencyKey) {
        MutableHttpRequest<String> request = HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("api-key", apiKey);
        if (idempotencyKey != null) {
            request.header(HttpIdempotency.HEADER, idempotencyKey);
        }
        return send(request);
    }

    Answer get(String apiKey, String path) {
        return send(HttpRequest.GET(path).header("api-key", apiKey));
    }

    Answer send(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
            return new Answer(response.code(), response.body() == null ? "" : response.body(), response);
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getBody(String.class).orElse(""), e.getResponse());
        }
    }

    Map<String, Object> ok(Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("expected 200, got " + answer.status() + ": " + answer.body());
        }
        return answer.json(json);
    }

    /** The error object of a Hyperswitch error body, after checking the status and the content type. */
    @SuppressWarnings("unchecked")
    Map<String, Object> error(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        String type = answer.response().getContentType().map(MediaType::toString).orElse("");
        if (!type.startsWith("application/json")) {
            throw new AssertionError("expected JSON, got " + type + ": " + answer.body());
        }
        Map<String, Object> body = answer.json(json);
        if (body.size() != 1 || !(body.get("error") instanceof Map)) {
            throw new AssertionError("not Hyperswitch's error shape: " + answer.body());
        }
        Map<String, Object> error = (Map<String, Object>) body.get("error");
        if (!List.of("type", "code", "message").containsAll(error.keySet()) || error.size() != 3) {
            throw new AssertionError("not Hyperswitch's error shape: " + answer.body());
        }
        return error;
    }

    static String card(String number) {
        return "\"payment_method\":\"card\",\"payment_method_data\":{\"card\":{\"card_number\":\"" + number
                + "\",\"card_exp_month\":\"12\",\"card_exp_year\":\"2035\",\"card_cvc\":\"123\","
                + "\"card_holder_name\":\"Jo Doe\"}}";
    }

    /** A payment created and confirmed with the card; returns its response. */
    Map<String, Object> confirmedPayment(String apiKey, long amount, String captureMethod) {
        return ok(post(apiKey, "/payments", "{\"amount\":" + amount + ",\"currency\":\"USD\",\"confirm\":true,"
                + "\"capture_method\":\"" + captureMethod + "\"," + card(VISA) + "}"));
    }
}
