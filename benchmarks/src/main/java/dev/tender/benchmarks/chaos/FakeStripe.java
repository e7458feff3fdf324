package dev.tender.benchmarks.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tender.connector.kit.FormEncoding;
import dev.tender.connector.kit.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A Stripe-compatible processor over real sockets, in a process of its own ({@code main}), that keeps a
 * ledger of the money it moved ({@code GET /_ledger}) and injects {@link Fault}s into a share of the calls
 * ({@code POST /_faults?rate=0.15}; {@code GET /_faults} counts them). Stripe's idempotency: a POST with an
 * {@code Idempotency-Key} seen before replays the saved answer (500s included) when the request is the
 * same, answers 400 {@code idempotency_error} when it is not, and 409 while the first one still runs.
 *
 * <p>Arguments: {@code port secret-key fault-rate hang-millis slow-millis}.
 */
public final class FakeStripe {

    private record Saved(String fingerprint, ProcessorBook.Answer answer) {
    }

    private static final Saved IN_PROGRESS = new Saved("", null);

    private final String secretKey;
    private final FaultMix faults;
    private final long hangMillis;
    private final long slowMillis;
    private final ProcessorBook book = new ProcessorBook();
    private final Map<String, Saved> keys = new ConcurrentHashMap<>();

    FakeStripe(String secretKey, FaultMix faults, long hangMillis, long slowMillis) {
        this.secretKey = secretKey;
        this.faults = faults;
        this.hangMillis = hangMillis;
        this.slowMillis = slowMillis;
    }

    public static void main(String[] args) throws IOException {
        FakeStripe fake = new FakeStripe(args[1], new FaultMix(Double.parseDouble(args[2])), Long.parseLong(args[3]),
                Long.parseLong(args[4]));
        HttpServer server = fake.serve(Integer.parseInt(args[0]));
        System.out.println("fake stripe listening on " + server.getAddress().getPort());
    }

    HttpServer serve(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        // a hang holds its thread: one virtual thread per exchange
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/", exchange -> guarded(exchange, this::stripe));
        server.createContext("/_ledger", exchange -> guarded(exchange,
                e -> send(e, new ProcessorBook.Answer(200, book.ledger()))));
        server.createContext("/_faults", exchange -> guarded(exchange, this::faults));
        server.start();
        return server;
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private static void guarded(HttpExchange exchange, Handler handler) {
        try (exchange) {
            handler.handle(exchange);
        } catch (IOException | InterruptedException | RuntimeException gone) {
            // the client left (read timeout) or the connection was reset on purpose: nothing to answer
        }
    }

    private void stripe(HttpExchange exchange) throws IOException, InterruptedException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!("Bearer " + secretKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, ProcessorBook.error(401, "invalid_request_error", "api_key_invalid", "Invalid API Key"));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET")) {
            Fault fault = faults.next();
            inject(exchange, fault, () -> book.get(path, query(exchange.getRequestURI().getRawQuery())));
            return;
        }
        Map<String, String> form = FormEncoding.decode(body).toJavaMap();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String fingerprint = path + "?" + body;
        Saved before = key == null ? null : keys.putIfAbsent(key, IN_PROGRESS);
        if (before != null) {
            faults.plain();
        }
        if (before == IN_PROGRESS) {
            send(exchange, ProcessorBook.error(409, "idempotency_error", "idempotency_key_in_use",
                    "There is currently another in-progress request using this Idempotent Key."));
        } else if (before != null) {
            send(exchange, before.fingerprint().equals(fingerprint) ? before.answer()
                    : ProcessorBook.error(400, "idempotency_error", "idempotency_key_in_use", "Keys for idempotent "
                    + "requests can only be used with the same parameters they were first used with."));
        } else {
            post(exchange, key, fingerprint, () -> book.post(path, form));
        }
    }

    /** A first POST under its key: the fault decides whether the work is done and what is saved and sent. */
    private void post(HttpExchange exchange, String key, String fingerprint, Work work)
            throws IOException, InterruptedException {
        Fault fault = faults.next();
        if (fault == Fault.RESET_BEFORE_WORK) {
            release(key);
            reset(exchange, fault);
            return;
        }
        ProcessorBook.Answer answer;
        if (fault == Fault.ERROR_BEFORE_WORK) {
            answer = serverError(fault);
        } else {
            pause(fault);
            answer = work.run();
            if (fault == Fault.ERROR_AFTER_WORK) {
                answer = serverError(fault);
            }
        }
        if (key != null) {
            keys.put(key, new Saved(fingerprint, answer));
        }
        if (fault == Fault.RESET_AFTER_WORK) {
            reset(exchange, fault);
        } else {
            send(exchange, answer);
        }
    }

    /** A read: nothing to save, so a fault before or after it is the same to the caller. */
    private void inject(HttpExchange exchange, Fault fault, Work work) throws IOException, InterruptedException {
        switch (fault) {
            case RESET_BEFORE_WORK, RESET_AFTER_WORK -> reset(exchange, fault);
            case ERROR_BEFORE_WORK, ERROR_AFTER_WORK -> send(exchange, serverError(fault));
            default -> {
                pause(fault);
                send(exchange, work.run());
            }
        }
    }

    private interface Work {
        ProcessorBook.Answer run();
    }

    private void release(String key) {
        if (key != null) {
            keys.remove(key, IN_PROGRESS);
        }
    }

    private void pause(Fault fault) throws InterruptedException {
        if (fault == Fault.HANG || fault == Fault.SLOW) {
            faults.injected(fault);
            Thread.sleep(fault == Fault.HANG ? hangMillis : slowMillis);
        }
    }

    private ProcessorBook.Answer serverError(Fault fault) {
        faults.injected(fault);
        return ProcessorBook.error(500, "api_error", null, "An unknown error occurred (fault injected)");
    }

    /** Closing an exchange whose headers were never sent closes its connection: the caller gets no answer. */
    private void reset(HttpExchange exchange, Fault fault) {
        faults.injected(fault);
        exchange.close();
    }

    private void faults(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            faults.rate(Double.parseDouble(query(exchange.getRequestURI().getRawQuery()).getOrDefault("rate", "0")));
        }
        ObjectNode counts = Json.object().put("rate", faults.rate()).put("calls", faults.calls());
        for (Fault fault : Fault.values()) {
            if (fault != Fault.NONE) {
                counts.put(fault.name().toLowerCase(java.util.Locale.ROOT), faults.count(fault));
            }
        }
        send(exchange, new ProcessorBook.Answer(200, Json.write(counts)));
    }

    private static Map<String, String> query(String rawQuery) {
        return FormEncoding.decode(rawQuery).toJavaMap();
    }

    private static void send(HttpExchange exchange, ProcessorBook.Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
