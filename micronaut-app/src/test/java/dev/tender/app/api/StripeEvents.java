package dev.tender.app.api;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * TEST FIXTURE: Stripe's objects and events as its API reference shows them (the values are ours), and the
 * {@code Stripe-Signature} Stripe computes for an event: HMAC-SHA256 of {@code "<t>.<payload>"}, hex.
 */
final class StripeEvents {

    private StripeEvents() {
    }

    /** An event of {@code type} about {@code object}, rendered in {@code apiVersion}. */
    static String event(String id, String type, String apiVersion, String object) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": %d,
                  "data": {"object": %s},
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": "req_%s", "idempotency_key": null},
                  "type": "%s"
                }
                """.formatted(id, apiVersion, Instant.now().getEpochSecond(), object, id, type);
    }

    static String paymentIntent(String id, String status, long amount, long received, Map<String, String> metadata) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "amount_capturable": %d, "amount_received": %d,
                 "capture_method": "%s", "client_secret": "%s_secret_x", "currency": "usd", "last_payment_error": null,
                 "latest_charge": "ch_%s", "livemode": false, "metadata": %s, "next_action": null,
                 "payment_method": "pm_card_visa", "payment_method_types": ["card"], "status": "%s"}
                """.formatted(id, amount, status.equals("requires_capture") ? amount : 0, received,
                status.equals("requires_capture") ? "manual" : "automatic", id, id, json(metadata), status);
    }

    static String requiresAction(String id) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 2000, "amount_received": 0, "currency": "usd",
                 "capture_method": "manual", "status": "requires_action", "metadata": {},
                 "next_action": {"type": "redirect_to_url", "redirect_to_url": {
                   "return_url": "https://shop.example/back",
                   "url": "https://hooks.stripe.com/redirect/authenticate/src_1?client_secret=src_client_secret_1"}}}
                """.formatted(id);
    }

    static String refund(String id, String paymentIntent, long amount, String status, Map<String, String> metadata) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "currency": "usd", "payment_intent": "%s",
                 "reason": null, "status": "%s", "metadata": %s}
                """.formatted(id, amount, paymentIntent, status, json(metadata));
    }

    /** Stripe's error object for a failure on its side (answered with a 500). */
    static String apiError() {
        return """
                {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}
                """;
    }

    static String signature(String secret, Instant at, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((at.getEpochSecond() + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flat string metadata as JSON (our ids hold no quote or backslash). */
    private static String json(Map<String, String> metadata) {
        return metadata.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
