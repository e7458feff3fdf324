package dev.tender.connector.kit;

import dev.tender.domain.payment.Outcome;
import io.vavr.control.Either;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP side of a connector, over the JDK {@link HttpClient}, that never throws: every exchange
 * ends in an {@link Outcome} following the {@link dev.tender.ports.out.Connector} rules.
 * <ul>
 *   <li>no connection made (refused, unknown host, connect timeout, TLS refused) →
 *       {@code Declined(technical_error)}: the processor certainly did not act;</li>
 *   <li>no answer within the read timeout, connection dropped, HTTP 5xx, a body the mapper cannot
 *       read (or a mapper that fails) → {@code Unknown}: the processor may have acted;</li>
 *   <li>anything else is the {@link AnswerMapper}'s to read (approvals, and refusals through a
 *       {@link DeclineCodeMap}).</li>
 * </ul>
 * Logs say method, host, path, status and time: never a header, a query string or a body, which
 * carry secrets and card numbers. Thread-safe; one instance per connector.
 */
public final class ConnectorHttp {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(ConnectorHttp.class.getName());

    private final HttpClient client;
    private final Duration readTimeout;

    private ConnectorHttp(HttpClient client, Duration readTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    public static ConnectorHttp create() {
        return create(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /** {@code readTimeout} bounds the wait for the answer's headers once the request is sent. */
    public static ConnectorHttp create(Duration connectTimeout, Duration readTimeout) {
        return new ConnectorHttp(HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), readTimeout);
    }

    /** Over a client configured elsewhere (a proxy, a custom TLS context). */
    public static ConnectorHttp using(HttpClient client, Duration readTimeout) {
        return new ConnectorHttp(client, readTimeout);
    }

    /** Sends and maps the answer, with the rules of the class comment. */
    public Outcome exchange(HttpRequest.Builder request, AnswerMapper mapper) {
        return send(request).fold(failure -> failure, answer -> read(answer, mapper));
    }

    /**
     * {@link #exchange} for {@code Connector.sync}: a sync that could not be sent says nothing about the
     * transaction, so it is {@code Unknown}, never a {@code technical_error} decline the reconciler would
     * read as the transaction's own outcome.
     */
    public Outcome exchangeForSync(HttpRequest.Builder request, AnswerMapper mapper) {
        return send(request).fold(TransportFailures::forSync, answer -> read(answer, mapper));
    }

    /**
     * Sends; the left side is the outcome of a failed exchange (nothing received), the right side any
     * answer, 5xx included, for the rare connector that must read one.
     */
    public Either<Outcome, HttpAnswer> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(readTimeout).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            LOG.log(System.Logger.Level.DEBUG, () -> describe(request) + " -> " + response.statusCode()
                    + " in " + millisSince(started) + " ms");
            String body = response.body() == null ? "" : response.body();
            return Either.right(new HttpAnswer(response.statusCode(), body, response.headers()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(request, started, e);
        } catch (IOException | RuntimeException e) {
            // RuntimeException: the JDK client wraps some channel failures (UnresolvedAddressException)
            return failed(request, started, e);
        }
    }

    private static Outcome read(HttpAnswer answer, AnswerMapper mapper) {
        if (answer.status() >= 500) {
            return new Outcome.Unknown("the processor answered HTTP " + answer.status());
        }
        try {
            Outcome outcome = mapper.map(answer);
            return outcome != null ? outcome
                    : new Outcome.Unknown("no outcome read from HTTP " + answer.status());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, () -> "unreadable answer, HTTP " + answer.status() + ": "
                    + e.getClass().getSimpleName());
            return new Outcome.Unknown("unreadable answer from the processor (HTTP " + answer.status() + ", "
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static Either<Outcome, HttpAnswer> failed(HttpRequest request, long started, Throwable failure) {
        Outcome outcome = TransportFailures.outcomeOf(failure);
        LOG.log(System.Logger.Level.WARNING, () -> describe(request) + " failed after " + millisSince(started)
                + " ms (" + failure.getClass().getSimpleName() + "): " + outcome.getClass().getSimpleName());
        return Either.left(outcome);
    }

    /** Method, scheme, host and path (card numbers masked): the query string may hold an API key. */
    private static String describe(HttpRequest request) {
        URI uri = request.uri();
        return request.method() + " " + uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : Redaction.maskCardNumbers(uri.getRawPath()));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
