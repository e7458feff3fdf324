package dev.tender.app.api;

import dev.tender.app.auth.Authenticated;
import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ApiException;
import dev.tender.app.http.Failures;
import dev.tender.app.storage.JdbcHttpIdempotency.Stored;
import dev.tender.app.storage.JdbcHttpIdempotency;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} of every POST, kept in {@code http_idempotency}. The first request with
 * a key claims it (an insert that does nothing if the key exists), runs, and stores its status and
 * body; the same key with the same method, path and body replays that response byte for byte; with
 * anything else it is refused (422), and while the first one still runs a duplicate gets a 409.
 *
 * <p>Nothing is kept for a request that never reached a use case (invalid body) or lost a race: the
 * key is released, and the client may retry with it. An unexpected failure is kept, since the
 * processor may have acted: a retry replays the 500 instead of charging again.
 *
 * <p>A key in progress is leased ({@code tender.idempotency.lease}, longer than any request): if the
 * instance running it dies, the lease ends with no response stored, and a retry with the same key and
 * body takes the key over. It never runs the money movement a second time blindly: the endpoint's
 * {@link Takeover} looks at what the first request left (an operation begun on the payment since the key
 * was first claimed, a payment or refund created under the id the key gives it) and answers from its
 * settled state; only when the first request left nothing does it run again. While what it began is still
 * open (the reconciler has not settled it yet), the retry is told so (409) and the key is free again at once.
 */
@Singleton
public class HttpIdempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    private static final Logger LOG = LoggerFactory.getLogger(HttpIdempotency.class);

    /**
     * Operations begun this long before the key was first claimed still count as possibly its own: the
     * instances' clocks differ a little, and taking someone else's operation for ours only means answering
     * the payment as it is instead of running again, never running twice.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

    private final JdbcHttpIdempotency store;
    private final JsonMapper json;
    private final Duration lease;

    public HttpIdempotency(JdbcHttpIdempotency store, JsonMapper json,
                           @Value("${tender.idempotency.lease:5m}") Duration lease) {
        this.store = store;
        this.json = json;
        this.lease = lease;
    }

    /**
     * What a request left when the instance running it died, given when its key was first claimed: a
     * response built from the settled state of what it did, or empty when it did nothing and may run again.
     * Throws an {@link ApiException} (409) while what it began is still open.
     */
    @FunctionalInterface
    public interface Takeover {
        Optional<HttpResponse<?>> settled(Instant firstClaimedAt);

        /** For requests that move no money, or whose second run changes nothing more: run them again. */
        Takeover RUN_AGAIN = firstClaimedAt -> Optional.empty();
    }

    /** Runs {@code action} once per key; its body is serialized here so a replay is identical. */
    public HttpResponse<String> run(HttpRequest<?> request, @Nullable String rawBody,
                                    Supplier<HttpResponse<?>> action) {
        return run(request, rawBody, Takeover.RUN_AGAIN, action);
    }

    /** As {@link #run(HttpRequest, String, Supplier)}, with how to take over from a request whose instance died. */
    public HttpResponse<String> run(HttpRequest<?> request, @Nullable String rawBody, Takeover takeover,
                                    Supplier<HttpResponse<?>> action) {
        MerchantId merchant = Authenticated.merchant(request);
        Optional<String> header = request.getHeaders().get(HEADER, String.class);
        if (header.isEmpty()) {
            return execute(action).response();
        }
        String key = header.get();
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            return error(ApiErrors.invalid(HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters without spaces"));
        }
        String fingerprint = fingerprint(request, rawBody);
        if (store.claim(merchant, key, fingerprint, lease)) {
            // an Error thrown from here leaves the key in progress until its lease ends
            return finish(merchant, key, execute(action));
        }
        Optional<Stored> stored = store.find(merchant, key);
        if (stored.isEmpty() || !stored.get().abandoned() || !stored.get().fingerprint().equals(fingerprint)) {
            return existing(stored, key, fingerprint);
        }
        Optional<Instant> abandoned = store.takeOver(merchant, key, fingerprint, lease);
        if (abandoned.isEmpty()) {
            // another retry took it over first
            return existing(store.find(merchant, key), key, fingerprint);
        }
        LOG.info("An Idempotency-Key of merchant {} was taken over from a request whose instance stopped",
                merchant.value());
        Optional<HttpResponse<?>> left;
        try {
            left = takeover.settled(abandoned.get());
        } catch (ApiException stillOpen) {
            // what it began is still open: the key stays, free for the next retry to look again
            store.endLease(merchant, key);
            return error(stillOpen);
        }
        // answered from what the first request left; when it left nothing, it runs now, as it would have then
        return finish(merchant, key, execute(left.isPresent() ? left::get : action));
    }

    private HttpResponse<String> finish(MerchantId merchant, String key, Outcome outcome) {
        if (outcome.keep()) {
            store.complete(merchant, key, outcome.status(), outcome.body());
        } else {
            store.release(merchant, key);
        }
        return outcome.response();
    }

    private record Outcome(int status, String body, boolean keep) {
        HttpResponse<String> response() {
            return json(status, body);
        }
    }

    private Outcome execute(Supplier<HttpResponse<?>> action) {
        try {
            HttpResponse<?> response = action.get();
            Object body = response.body();
            String text = body == null ? "" : body instanceof String s ? s : json.writeValueAsString(body);
            return new Outcome(response.code(), text, true);
        } catch (ApiException e) {
            return new Outcome(e.status(), errorBody(e), e.executed());
        } catch (IOException | RuntimeException unexpected) {
            LOG.error("Unexpected failure of a request", Failures.withoutMessages(unexpected));
            ApiException e = ApiErrors.unexpected();
            return new Outcome(e.status(), errorBody(e), true);
        }
    }

    private HttpResponse<String> existing(Optional<Stored> stored, String key, String fingerprint) {
        if (stored.isEmpty()) {
            // released between our insert and this read: the first request was refused before it ran
            return error(new ApiException(409, "HE_00", "A request with " + HEADER + " " + key
                    + " was being processed; retry", false));
        }
        if (!stored.get().fingerprint().equals(fingerprint)) {
            return error(ApiErrors.idempotencyMismatch(key));
        }
        if (stored.get().status() == null) {
            return error(new ApiException(409, "HE_00", "A request with " + HEADER + " " + key
                    + " is still being processed; retry later", false));
        }
        MutableHttpResponse<String> replay = json(stored.get().status(), stored.get().body());
        return replay.header(REPLAYED_HEADER, "true");
    }

    private HttpResponse<String> error(ApiException e) {
        return json(e.status(), errorBody(e));
    }

    private String errorBody(ApiException e) {
        try {
            return json.writeValueAsString(e.body());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static MutableHttpResponse<String> json(int status, String body) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        return body.isEmpty() ? response : response.body(body);
    }

    static String fingerprint(HttpRequest<?> request, @Nullable String rawBody) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.getMethodName().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(request.getPath().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update((rawBody == null ? "" : rawBody).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
