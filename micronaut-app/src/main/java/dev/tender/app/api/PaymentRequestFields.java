package dev.tender.app.api;

import io.micronaut.json.tree.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fields of Hyperswitch's {@code PaymentsRequest} (create, update and confirm) with the JSON kind of
 * each. Fields Tender models are read by their endpoint; the others are checked for their kind, kept with the payment and
 * echoed where Hyperswitch's response has a field of that name. {@code PaymentRequestSchemaTest} keeps
 * this table equal to the reference spec.
 */
final class PaymentRequestFields {

    /** The JSON kind a field must have. */
    enum Kind {
        STRING(JsonNode::isString, "must be a string"),
        INTEGER(n -> n.isNumber() && (n.getNumberValue() instanceof Integer || n.getNumberValue() instanceof Long
                || n.getNumberValue() instanceof java.math.BigInteger), "must be an integer"),
        BOOLEAN(JsonNode::isBoolean, "must be true or false"),
        OBJECT(JsonNode::isObject, "must be an object"),
        ARRAY(JsonNode::isArray, "must be an array"),
        OBJECT_OR_STRING(n -> n.isObject() || n.isString(), "must be an object or a string");

        private final Predicate<JsonNode> accepts;
        final String mustBe;

        Kind(Predicate<JsonNode> accepts, String mustBe) {
            this.accepts = accepts;
            this.mustBe = mustBe;
        }

        boolean accepts(JsonNode node) {
            return accepts.test(node);
        }
    }

    /**
     * Every property of {@code PaymentsRequest}, the one struct Hyperswitch's router reads create, update and
     * confirm into: each of the three endpoints accepts all of them.
     */
    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("all_keys_required", Kind.BOOLEAN),
            Map.entry("allowed_payment_method_types", Kind.ARRAY),
            Map.entry("amount", Kind.INTEGER),
            Map.entry("amount_to_capture", Kind.INTEGER),
            Map.entry("authentication_type", Kind.STRING),
            Map.entry("billing", Kind.OBJECT),
            Map.entry("billing_descriptor", Kind.OBJECT),
            Map.entry("browser_info", Kind.OBJECT),
            Map.entry("business_country", Kind.STRING),
            Map.entry("business_label", Kind.STRING),
            Map.entry("business_sub_label", Kind.STRING),
            Map.entry("capture_method", Kind.STRING),
            Map.entry("capture_on", Kind.STRING),
            Map.entry("card_cvc", Kind.STRING),
            Map.entry("client_secret", Kind.STRING),
            Map.entry("confirm", Kind.BOOLEAN),
            Map.entry("connector", Kind.ARRAY),
            Map.entry("connector_metadata", Kind.OBJECT),
            Map.entry("ctp_service_details", Kind.OBJECT),
            Map.entry("currency", Kind.STRING),
            Map.entry("customer", Kind.OBJECT),
            Map.entry("customer_acceptance", Kind.OBJECT),
            Map.entry("customer_id", Kind.STRING),
            Map.entry("description", Kind.STRING),
            Map.entry("discount_amount", Kind.INTEGER),
            Map.entry("duty_amount", Kind.INTEGER),
            Map.entry("email", Kind.STRING),
            Map.entry("enable_overcapture", Kind.BOOLEAN),
            Map.entry("enable_partial_authorization", Kind.BOOLEAN),
            Map.entry("feature_metadata", Kind.OBJECT),
            Map.entry("force_3ds_challenge", Kind.BOOLEAN),
            Map.entry("frm_metadata", Kind.OBJECT),
            Map.entry("is_iframe_redirection_enabled", Kind.BOOLEAN),
            Map.entry("is_stored_credential", Kind.BOOLEAN),
            Map.entry("mandate_data", Kind.OBJECT),
            Map.entry("mandate_id", Kind.STRING),
            Map.entry("merchant_connector_details", Kind.OBJECT),
            Map.entry("merchant_id", Kind.STRING),
            Map.entry("merchant_order_reference_id", Kind.STRING),
            Map.entry("metadata", Kind.OBJECT),
            Map.entry("mit_category", Kind.STRING),
            Map.entry("name", Kind.STRING),
            Map.entry("off_session", Kind.BOOLEAN),
            Map.entry("order_date", Kind.STRING),
            Map.entry("order_details", Kind.ARRAY),
            Map.entry("order_tax_amount", Kind.INTEGER),
            Map.entry("partner_merchant_identifier_details", Kind.OBJECT),
            Map.entry("payment_channel", Kind.OBJECT_OR_STRING),
            Map.entry("payment_experience", Kind.STRING),
            Map.entry("payment_id", Kind.STRING),
            Map.entry("payment_link", Kind.BOOLEAN),
            Map.entry("payment_link_config", Kind.OBJECT),
            Map.entry("payment_link_config_id", Kind.STRING),
            Map.entry("payment_method", Kind.STRING),
            Map.entry("payment_method_data", Kind.OBJECT_OR_STRING),
            Map.entry("payment_method_type", Kind.STRING),
            Map.entry("payment_token", Kind.STRING),
            Map.entry("payment_type", Kind.STRING),
            Map.entry("phone", Kind.STRING),
            Map.entry("phone_country_code", Kind.STRING),
            Map.entry("profile_id", Kind.STRING),
            Map.entry("psd2_sca_exemption_type", Kind.STRING),
            Map.entry("recurring_details", Kind.OBJECT),
            Map.entry("request_extended_authorization", Kind.BOOLEAN),
            Map.entry("request_external_three_ds_authentication", Kind.BOOLEAN),
            Map.entry("request_incremental_authorization", Kind.BOOLEAN),
            Map.entry("retry_action", Kind.STRING),
            Map.entry("return_url", Kind.STRING),
            Map.entry("routing", Kind.OBJECT),
            Map.entry("session_expiry", Kind.INTEGER),
            Map.entry("setup_future_usage", Kind.STRING),
            Map.entry("shipping", Kind.OBJECT),
            Map.entry("shipping_amount_tax", Kind.INTEGER),
            Map.entry("shipping_cost", Kind.INTEGER),
            Map.entry("skip_external_tax_calculation", Kind.BOOLEAN),
            Map.entry("split_payments", Kind.OBJECT),
            Map.entry("statement_descriptor_name", Kind.STRING),
            Map.entry("statement_descriptor_suffix", Kind.STRING),
            Map.entry("surcharge_details", Kind.OBJECT),
            Map.entry("tax_status", Kind.STRING),
            Map.entry("three_ds_data", Kind.OBJECT),
            Map.entry("threeds_method_comp_ind", Kind.STRING),
            Map.entry("tokenization", Kind.STRING));

    /**
     * Request fields whose namesake in {@code PaymentsResponse} is another thing (a payment link created,
     * the connector that took the payment, the charges a split made): kept, never echoed.
     */
    static final Set<String> NOT_ECHOED = Set.of("payment_link", "connector", "split_payments");

    /**
     * Fields read and never kept as sent: a CVC is never stored; {@code merchant_id} must be the key's; the
     * deprecated top-level customer fields go into the {@code customer} object ({@link CustomerFields}).
     */
    static final Set<String> NOT_KEPT = Set.of("card_cvc", "merchant_id", "email", "name", "phone",
            "phone_country_code");

    /** The fields a create, an update or a confirm keeps when no use case reads them. */
    static final Map<String, Kind> KEPT = without(NOT_KEPT);

    private PaymentRequestFields() {
    }

    private static Map<String, Kind> without(Set<String> left) {
        Map<String, Kind> rest = new java.util.TreeMap<>(KINDS);
        rest.keySet().removeAll(left);
        return Map.copyOf(rest);
    }
}
