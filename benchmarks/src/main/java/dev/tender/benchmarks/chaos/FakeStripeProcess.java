package dev.tender.benchmarks.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.Json;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@link FakeStripe} in a process of its own, started with this JVM's java and class path, and its admin
 * calls: the ledger, the fault rate and the fault counts.
 */
final class FakeStripeProcess implements AutoCloseable {

    static final String SECRET_KEY = "sk_test_chaos";

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FakeStripeProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static FakeStripeProcess start(double faultRate, Duration hang, Duration slow, Path log) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), FakeStripe.class.getName(), Integer.toString(port),
                SECRET_KEY, Double.toString(faultRate), Long.toString(hang.toMillis()), Long.toString(slow.toMillis())))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        FakeStripeProcess fake = new FakeStripeProcess(process, URI.create("http://127.0.0.1:" + port));
        fake.awaitListening(log);
        return fake;
    }

    /** The base URL a Stripe connector account points at. */
    URI base() {
        return base;
    }

    JsonNode ledger() {
        return call("GET", "/_ledger");
    }

    JsonNode faults() {
        return call("GET", "/_faults");
    }

    void faultRate(double rate) {
        call("POST", "/_faults?rate=" + String.format(Locale.ROOT, "%.4f", rate));
    }

    private JsonNode call(String method, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the fake processor answered " + response.statusCode() + " to " + path);
            }
            return Json.read(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the fake processor did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void awaitListening(Path log) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the fake processor exited with " + process.exitValue() + "; see "
                        + log);
            }
            try {
                faults();
                return;
            } catch (IllegalStateException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("the fake processor did not start; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
