package dev.tender.app.webhooks;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * POSTs a webhook's body to the merchant's endpoint, signed as Hyperswitch signs it: {@code X-Webhook-Signature-512}
 * is the hex HMAC-SHA512 of the exact bytes sent, keyed with the merchant's {@code payment_response_hash_key};
 * basic auth when the merchant set a username and password. Redirects are not followed (an endpoint cannot send
 * Tender elsewhere), and no more than {@link #KEPT_RESPONSE} bytes of an answer are read.
 */
@Singleton
public final class WebhookSender {

    public static final String SIGNATURE_HEADER = "X-Webhook-Signature-512";
    public static final String USER_AGENT = "Tender-Webhooks/1";
    static final int KEPT_RESPONSE = 4_096;

    /** What the endpoint answered, or why there was no answer. */
    public record Result(Optional<Integer> statusCode, Optional<String> body, Optional<String> error, Duration took) {

        public boolean delivered() {
            return statusCode.filter(code -> code >= 200 && code < 300).isPresent();
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    public WebhookSender(WebhookSettings settings) {
        this.timeout = settings.timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** @param signature {@link #signature} of the body under the merchant's key */
    public Result send(URI url, byte[] body, String signature, Optional<String> username, Optional<String> password) {
        long started = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (username.isPresent() || password.isPresent()) {
            String pair = username.orElse("") + ":" + password.orElse("");
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    pair.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream in = response.body()) {
                answer = new String(in.readNBytes(KEPT_RESPONSE), StandardCharsets.UTF_8);
            }
            return new Result(Optional.of(response.statusCode()), Optional.of(answer), Optional.empty(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (java.net.http.HttpTimeoutException e) {
            return failed("no answer within " + timeout.toMillis() + " ms", started);
        } catch (IOException e) {
            return failed("connection failed: " + e.getClass().getSimpleName()
                    + Optional.ofNullable(e.getMessage()).map(m -> ": " + m).orElse(""), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted", started);
        }
    }

    private static Result failed(String why, long started) {
        return new Result(Optional.empty(), Optional.empty(), Optional.of(why),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The hex HMAC-SHA512 of {@code body} under {@code key}: what the merchant computes to check a webhook. */
    public static String signature(byte[] body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is not available", e);
        }
    }
}
