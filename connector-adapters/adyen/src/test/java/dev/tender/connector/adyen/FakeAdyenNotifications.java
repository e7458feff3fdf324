package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.connector.kit.Json;
import io.vavr.control.Option;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard notifications the fake Adyen sends, kept by the {@code merchantReference} of the call each
 * is about, in the shape of Adyen's webhook examples ({@code NotificationRequestItem}: amount, eventCode,
 * eventDate, merchantAccountCode, merchantReference, originalReference, paymentMethod, pspReference,
 * reason, success as a string). Each item is signed here, as Adyen signs it, not by the code under test:
 * HMAC-SHA256 under the hex key of the colon-joined pspReference, originalReference, merchantAccountCode,
 * merchantReference, amount value, currency, eventCode and success, in Base64.
 */
final class FakeAdyenNotifications {

    private static final String EVENT_DATE = "2026-11-24T12:00:00+01:00";

    private final byte[] hmacKey;
    private final Map<String, List<ObjectNode>> byReference = new LinkedHashMap<>();

    FakeAdyenNotifications(String hexHmacKey) {
        this.hmacKey = HexFormat.of().parseHex(hexHmacKey);
    }

    /** One item: what Adyen decided about the call with {@code merchantReference}. */
    record Item(String eventCode, String pspReference, String originalReference, String merchantAccount,
                String merchantReference, long value, String currency, boolean success, String reason) {
    }

    synchronized void send(Item item) {
        byReference.computeIfAbsent(item.merchantReference(), reference -> new ArrayList<>()).add(signed(item));
    }

    /** The delivery body Adyen posts about the call with this reference, if it decided anything about it. */
    synchronized Option<String> about(String merchantReference) {
        List<ObjectNode> items = byReference.get(merchantReference);
        if (items == null) {
            return Option.none();
        }
        ObjectNode delivery = Json.object().put("live", "false");
        ArrayNode wrapped = delivery.putArray("notificationItems");
        items.forEach(item -> wrapped.addObject().set("NotificationRequestItem", item));
        return Option.some(Json.write(delivery));
    }

    private ObjectNode signed(Item item) {
        String success = Boolean.toString(item.success());
        String signed = item.pspReference() + ":" + item.originalReference() + ":" + item.merchantAccount() + ":"
                + item.merchantReference() + ":" + item.value() + ":" + item.currency() + ":" + item.eventCode()
                + ":" + success;
        ObjectNode node = Json.object();
        node.putObject("additionalData").put("hmacSignature", hmac(signed));
        node.putObject("amount").put("currency", item.currency()).put("value", item.value());
        node.put("eventCode", item.eventCode()).put("eventDate", EVENT_DATE)
                .put("merchantAccountCode", item.merchantAccount())
                .put("merchantReference", item.merchantReference());
        if (!item.originalReference().isEmpty()) { // an authorisation is about no earlier payment
            node.put("originalReference", item.originalReference());
        }
        node.put("paymentMethod", "visa")
                .put("pspReference", item.pspReference())
                .put("reason", item.reason())
                .put("success", success);
        return node;
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
