package dev.tender.app;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** TEST FIXTURE: raw JSON requests to a running service instance, as an outside client sends them. */
public final class ServiceCalls {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One request; the answer must have {@code expected} status; returns its JSON. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> call(EmbeddedServer server, String method, String key, String path, String body,
                                    int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("api-key", key)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
            return server.getApplicationContext().getBean(JsonMapper.class).readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
