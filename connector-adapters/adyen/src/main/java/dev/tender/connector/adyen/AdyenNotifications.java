package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.Json;
import dev.tender.connector.kit.UnreadableAnswer;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Adyen's standard notifications ({@code {"live", "notificationItems": [{"NotificationRequestItem": …}]}}).
 * Every item must carry {@code additionalData.hmacSignature}: the Base64 HMAC-SHA256, under the account's
 * hex {@value #SECRET} credential, of {@code pspReference:originalReference:merchantAccountCode:
 * merchantReference:value:currency:eventCode:success}; one item that does not verify refuses the whole
 * delivery. An item whose {@code merchantReference} is one of Tender's ({@link AdyenReference}) becomes
 * the outcome of that transaction: {@code success} approves it (with the {@code pspReference}), a failure
 * declines it (a refused {@code AUTHORISATION} as {@code card_declined} with Adyen's reason, a failed
 * modification as {@code processing_error}); {@code CAPTURE_FAILED}, {@code REFUND_FAILED} and
 * {@code REFUNDED_REVERSED} decline whatever their {@code success} says. Other items are read as none.
 */
final class AdyenNotifications {

    static final String SECRET = "hmac_key";

    private AdyenNotifications() {
    }

    static Either<WebhookSource.Refused, List<WebhookSource.Event>> read(WebhookSource.Delivery delivery,
                                                                        ConnectorAccount account) {
        Option<byte[]> key = account.credentials().get(SECRET).flatMap(AdyenNotifications::hex);
        if (key.isEmpty()) {
            return Either.left(new WebhookSource.Refused("the connector account has no hex " + SECRET));
        }
        List<JsonNode> items;
        try {
            JsonNode body = Json.read(new String(delivery.body(), StandardCharsets.UTF_8));
            items = List.ofAll(body.path("notificationItems")).map(item -> item.path("NotificationRequestItem"));
        } catch (UnreadableAnswer unreadable) {
            return Either.left(new WebhookSource.Refused("the body is not JSON"));
        }
        if (items.isEmpty()) {
            return Either.left(new WebhookSource.Refused("no notification items"));
        }
        for (JsonNode item : items) {
            byte[] expected = sign(key.get(), item).getBytes(StandardCharsets.US_ASCII);
            byte[] given = item.path("additionalData").path("hmacSignature").asText("")
                    .getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, given)) {
                return Either.left(new WebhookSource.Refused("an item's hmacSignature does not verify"));
            }
        }
        return Either.right(items.flatMap(AdyenNotifications::event));
    }

    /** The signature Adyen computes for an item: for tests and local tools. */
    static String sign(byte[] key, JsonNode item) {
        String data = String.join(":", text(item, "pspReference"), text(item, "originalReference"),
                text(item, "merchantAccountCode"), text(item, "merchantReference"),
                item.path("amount").path("value").asText(""), text(item.path("amount"), "currency"),
                text(item, "eventCode"), text(item, "success"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Option<WebhookSource.Event> event(JsonNode item) {
        String eventCode = text(item, "eventCode");
        String psp = text(item, "pspReference");
        // CAPTURE_FAILED, REFUND_FAILED, REFUNDED_REVERSED report a failure with success "true"
        boolean success = "true".equals(text(item, "success")) && !FAILURES.contains(eventCode);
        return AdyenReference.parse(text(item, "merchantReference"))
                .filter(ids -> !psp.isEmpty() && ATTRIBUTED.contains(eventCode))
                .map(ids -> new WebhookSource.Event(psp + ":" + eventCode, ids._1, ids._2,
                        success ? Outcome.Approved.of(psp) : declined(eventCode, text(item, "reason"))));
    }

    /** The events that answer the call whose reference they carry. */
    private static final List<String> ATTRIBUTED = List.of("AUTHORISATION", "CAPTURE", "CAPTURE_FAILED",
            "CANCELLATION", "CANCEL_OR_REFUND", "REFUND", "REFUND_FAILED", "TECHNICAL_CANCEL",
            "AUTHORISATION_ADJUSTMENT", "REFUNDED_REVERSED");

    /** The events that report the failure of an earlier call, whatever their {@code success}. */
    private static final List<String> FAILURES = List.of("CAPTURE_FAILED", "REFUND_FAILED", "REFUNDED_REVERSED");

    private static Outcome declined(String eventCode, String reason) {
        if (eventCode.equals("AUTHORISATION")) { // a notification gives the refusal as text, not its code
            return new Outcome.Declined(DeclineCodes.CARD_DECLINED, reason.isEmpty() ? "refused" : reason);
        }
        return new Outcome.Declined(DeclineCodes.PROCESSING_ERROR, eventCode + " failed"
                + (reason.isEmpty() ? "" : ": " + reason));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static Option<byte[]> hex(String key) {
        try {
            return Option.some(HexFormat.of().parseHex(key));
        } catch (IllegalArgumentException notHex) {
            return Option.none();
        }
    }
}
