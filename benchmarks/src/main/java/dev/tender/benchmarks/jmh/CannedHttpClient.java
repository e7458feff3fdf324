package dev.tender.benchmarks.jmh;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * An {@link HttpClient} that sends nothing and answers a recorded body, so a connector built on
 * {@code ConnectorHttp.using(client, timeout)} does all of a call's own work — the request built and encoded,
 * the answer decoded by the connector's body handler and read into an outcome — without a network. This
 * public seam keeps the benchmarks on the connectors' public API; the package-private builders and parsers
 * ({@code StripeForms}, {@code PaymentBodies}, …) are measured through it rather than by reaching into
 * their packages. Not thread-safe: one per benchmark thread.
 */
public final class CannedHttpClient extends HttpClient {

    /** One recorded answer: status, JSON body. */
    public record Answer(int statusCode, byte[] body) implements HttpResponse.ResponseInfo {

        private static final HttpHeaders JSON = HttpHeaders.of(
                Map.of("content-type", List.of("application/json")), (name, value) -> true);

        public static Answer json(int statusCode, String body) {
            return new Answer(statusCode, body.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public HttpHeaders headers() {
            return JSON;
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    private record Response<T>(HttpRequest request, Answer answer, T body) implements HttpResponse<T> {

        @Override
        public int statusCode() {
            return answer.statusCode();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return answer.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public Version version() {
            return answer.version();
        }
    }

    /** The whole body is handed over at once, as one buffer, whatever is requested. */
    private static final Flow.Subscription ALL_AT_ONCE = new Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    };

    private final Map<String, Answer> answersByPath;
    private HttpRequest lastRequest;

    /** The recorded answer of each path; a request to any other path fails, as a bug in the benchmark. */
    public CannedHttpClient(Map<String, Answer> answersByPath) {
        this.answersByPath = Map.copyOf(answersByPath);
    }

    /** The request of the latest call: what a test checks the connector sent. */
    public HttpRequest lastRequest() {
        return lastRequest;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        lastRequest = request;
        Answer answer = answersByPath.get(request.uri().getPath());
        if (answer == null) {
            throw new IllegalStateException("no answer recorded for " + request.method() + " " + request.uri().getPath());
        }
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(answer);
        subscriber.onSubscribe(ALL_AT_ONCE);
        subscriber.onNext(List.of(ByteBuffer.wrap(answer.body()).asReadOnlyBuffer()));
        subscriber.onComplete();
        return new Response<>(request, answer, subscriber.getBody().toCompletableFuture().join());
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> handler) {
        return CompletableFuture.completedFuture(send(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromises) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    /** Nothing is sent, so there is no TLS to configure. */
    @Override
    public SSLContext sslContext() {
        throw new UnsupportedOperationException("a canned client makes no connection");
    }

    @Override
    public SSLParameters sslParameters() {
        throw new UnsupportedOperationException("a canned client makes no connection");
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }
}
