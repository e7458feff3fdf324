package dev.tender.benchmarks.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls the service as a careful merchant does: every POST with its {@code Idempotency-Key}, retried with
 * the same key on a connection refused or reset, a timeout, a 5xx or a 409, with a growing pause and on
 * another live instance, until it has an answer or its time is up. Every 5xx is counted: only a live
 * instance answers one, a killed one refuses or drops the connection.
 */
final class MerchantClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private final Cluster cluster;
    private final String apiKey;
    private final Figures figures;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    MerchantClient(Cluster cluster, String apiKey, Figures figures) {
        this.cluster = cluster;
        this.apiKey = apiKey;
        this.figures = figures;
    }

    /** Sends the request, retrying until a final answer (2xx, or 4xx other than 409) or {@code patience}. */
    void send(Request request, Duration patience) {
        figures.operations.incrementAndGet();
        Instant deadline = Instant.now().plus(patience);
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                figures.retries.incrementAndGet();
            }
            Optional<HttpResponse<String>> response = post(request);
            response.ifPresent(r -> request.answered(r.statusCode(), r.body()));
            int status = response.map(HttpResponse::statusCode).orElse(-1);
            if (status >= 500) {
                figures.serverError(request, status, response.get().body());
            }
            boolean settled = status >= 200 && status < 500 && status != 409;
            if (settled || Instant.now().isAfter(deadline)) {
                return;
            }
            pause(attempt);
        }
    }

    /** One attempt only, on a live instance (the final check of every key): no retry on 409. */
    void sendOnce(Request request) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<HttpResponse<String>> response = post(request);
            if (response.isPresent()) {
                request.answered(response.get().statusCode(), response.get().body());
                if (response.get().statusCode() >= 500) {
                    figures.serverError(request, response.get().statusCode(), response.get().body());
                }
                return;
            }
            pause(attempt);
        }
    }

    /** {@code GET} of a path; empty when no instance answered. */
    Optional<HttpResponse<String>> get(String path) {
        Optional<HttpResponse<String>> response = exchange(HttpRequest.newBuilder().GET(), path);
        response.filter(r -> r.statusCode() >= 500).ifPresent(r -> figures.serverErrors.add("GET " + path
                + " answered " + r.statusCode() + " " + r.body()));
        return response;
    }

    private Optional<HttpResponse<String>> post(Request request) {
        return exchange(HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(request.body))
                .header("Content-Type", "application/json").header("Idempotency-Key", request.key), request.path);
    }

    private Optional<HttpResponse<String>> exchange(HttpRequest.Builder builder, String path) {
        Optional<URI> base = cluster.pick();
        if (base.isEmpty()) {
            figures.connectionErrors.incrementAndGet();
            return Optional.empty();
        }
        figures.attempts.incrementAndGet();
        try {
            return Optional.of(http.send(builder.uri(base.get().resolve(path)).header("api-key", apiKey)
                    .header("Accept", "application/json").timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException refusedResetOrTimeout) {
            figures.connectionErrors.incrementAndGet();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(int attempt) {
        long millis = Math.min(4_000, 200L << Math.min(attempt, 5));
        try {
            Thread.sleep(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
