package dev.tender.benchmarks.chaos;

import dev.tender.connector.kit.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Through the admin API: a merchant, its API key, and a Stripe connector account whose {@code base_url} is
 * the fake processor.
 */
final class MerchantSetup {

    private MerchantSetup() {
    }

    /** The new merchant's API key. */
    static String create(URI service, String adminKey, String merchantId, URI processor) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        post(http, service.resolve("/accounts"), adminKey, "{\"merchant_id\":\"" + merchantId + "\"}");
        String key = Json.read(post(http, service.resolve("/api_keys/" + merchantId), adminKey,
                "{\"name\":\"fault campaign\",\"expiration\":\"never\"}")).path("api_key").asText();
        post(http, service.resolve("/account/" + merchantId + "/connectors"), adminKey,
                "{\"connector_type\":\"payment_processor\",\"connector_name\":\"stripe\","
                        + "\"connector_account_details\":{\"api_key\":\"" + FakeStripeProcess.SECRET_KEY + "\"},"
                        + "\"metadata\":{\"base_url\":\"" + processor + "\"}}");
        return key;
    }

    private static String post(HttpClient http, URI uri, String adminKey, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("api-key", adminKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri.getPath() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(uri.getPath() + " was not answered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
