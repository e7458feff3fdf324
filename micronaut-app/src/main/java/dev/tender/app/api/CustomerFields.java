package dev.tender.app.api;

import dev.tender.app.http.ApiException;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code PaymentsRequest} properties Hyperswitch still reads though its schema marks them deprecated or
 * inferred, read as its router reads them: the top-level customer fields ({@code email}, {@code name},
 * {@code phone}, {@code phone_country_code}) fill the {@code customer} object where it lacks them, and one
 * sent in both places with two values is refused as ambiguous ({@code IR_16}); {@code merchant_id} must be
 * the API key's merchant ({@code IR_16}); {@code card_cvc} (a saved card's CVC, with {@code payment_token})
 * is read and dropped: a CVC is never kept.
 */
final class CustomerFields {

    private CustomerFields() {
    }

    /**
     * Reads the deprecated fields and puts the customer they describe into {@code kept}. An update or a
     * confirm that sends only top-level fields adds them to the customer the payment already has
     * ({@code stored}); a {@code customer} object sent is taken as sent, as before.
     */
    static void read(PaymentsRequest request, MerchantId merchant, Map<String, JsonNode> kept,
                     Supplier<Optional<JsonNode>> stored) {
        String merchantId = request.merchantId();
        if (merchantId != null && !merchantId.equals(merchant.value())) {
            throw new ApiException(400, "IR_16", "Invalid `merchant_id`: " + merchantId
                    + " not found in merchant account", false);
        }
        // card_cvc is read by the binder so that it is known, and never kept
        Map<String, String> topLevel = new LinkedHashMap<>();
        put(topLevel, "name", request.name());
        put(topLevel, "email", request.email());
        put(topLevel, "phone", request.phone());
        put(topLevel, "phone_country_code", request.phoneCountryCode());
        String customerId = request.customerId();
        JsonNode sent = kept.get("customer");
        if (sent != null && sent.isObject()) {
            ambiguous("customer_id", customerId, sent.get("id"));
            topLevel.forEach((name, value) -> ambiguous(name, value, sent.get(name)));
        }
        if (topLevel.isEmpty()) {
            return;
        }
        Map<String, JsonNode> customer = new LinkedHashMap<>();
        JsonNode base = sent != null && sent.isObject() ? sent : stored.get().filter(JsonNode::isObject).orElse(null);
        if (base != null) {
            base.entries().forEach(e -> customer.put(e.getKey(), e.getValue()));
        }
        if (customerId != null) {
            customer.putIfAbsent("id", JsonNode.createStringNode(customerId));
        }
        topLevel.forEach((name, value) -> {
            JsonNode current = customer.get(name);
            if (sent == null || current == null || current.isNull()) {
                customer.put(name, JsonNode.createStringNode(value));
            }
        });
        kept.put("customer", JsonNode.createObjectNode(customer));
    }

    private static void put(Map<String, String> topLevel, String name, @Nullable String value) {
        if (value != null) {
            topLevel.put(name, value);
        }
    }

    /** Hyperswitch's refusal of one field sent in two places with two values. */
    private static void ambiguous(String name, @Nullable String topLevel, @Nullable JsonNode inCustomer) {
        if (topLevel != null && inCustomer != null && inCustomer.isString()
                && !inCustomer.getStringValue().equals(topLevel)) {
            throw new ApiException(400, "IR_16", "The field name `" + name + "` sent in both places is ambiguous",
                    false);
        }
    }
}
