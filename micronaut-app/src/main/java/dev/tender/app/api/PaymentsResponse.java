package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Tender itself says of a payment in Hyperswitch's {@code PaymentsResponse}. The response carries
 * every field of that schema ({@link #FIELDS}, in its order): these, then the request fields kept with
 * the payment, then null. {@code amount_received} is what was captured; {@code connector} the connector's
 * name, {@code merchant_connector_id} the merchant's connector account that took the payment;
 * {@code capture_before} when an uncaptured authorization lapses. {@code mandate_id} is the mandate a
 * charge charges or a setup set up, {@code connector_mandate_id} the connector's reference of it, and
 * {@code mandate_data} what a setup asked for.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentsResponse(String paymentId, String merchantId, String status, long amount, long netAmount,
                               long amountCapturable, long amountReceived, String currency, String captureMethod,
                               @Nullable String clientSecret, @Nullable Instant expiresOn,
                               @Nullable String customerId, @Nullable CustomerDetailsResponse customer,
                               @Nullable String email, @Nullable String name, @Nullable String phone,
                               @Nullable String paymentMethod, @Nullable PaymentMethodDataResponse paymentMethodData,
                               @Nullable String cardDiscovery,
                               @Nullable String connector, @Nullable String connectorLabel,
                               @Nullable String merchantConnectorId, @Nullable String connectorTransactionId,
                               @Nullable String errorCode, @Nullable String errorMessage,
                               @Nullable Boolean manualRetryAllowed,
                               @Nullable NextActionData nextAction, @Nullable String cancellationReason,
                               @Nullable String mandateId, @Nullable JsonNode mandateData,
                               @Nullable String connectorMandateId, int attemptCount,
                               @Nullable Boolean incrementalAuthorizationAllowed, int authorizationCount,
                               @Nullable List<IncrementalAuthorizationResponse> incrementalAuthorizations,
                               Map<String, String> metadata, @Nullable List<RefundResponse> refunds,
                               @Nullable Instant captureBefore, Instant created, Instant updated,
                               @Nullable String profileId) {

    /** Every field of Hyperswitch's {@code PaymentsResponse}, in its order. */
    static final List<String> FIELDS = List.of("payment_id", "merchant_id", "status", "amount", "net_amount",
            "shipping_cost", "amount_capturable", "amount_received", "connector", "client_secret", "created",
            "currency", "customer_id", "customer", "description", "refunds", "disputes", "attempts", "captures",
            "mandate_id", "mandate_data", "setup_future_usage", "off_session", "capture_on", "capture_method",
            "payment_method", "payment_method_data", "payment_token", "shipping", "billing", "order_details",
            "email", "name", "phone", "return_url", "authentication_type", "statement_descriptor_name",
            "statement_descriptor_suffix", "next_action", "cancellation_reason", "error_code", "error_message",
            "unified_code", "unified_message", "payment_experience", "payment_method_type", "connector_label",
            "business_country", "business_label", "business_sub_label", "allowed_payment_method_types",
            "ephemeral_key", "manual_retry_allowed", "connector_transaction_id", "frm_message", "metadata",
            "connector_metadata", "feature_metadata", "reference_id", "payment_link", "profile_id",
            "surcharge_details", "attempt_count", "merchant_decision", "merchant_connector_id",
            "incremental_authorization_allowed", "authorization_count", "incremental_authorizations",
            "external_authentication_details", "external_3ds_authentication_attempted", "expires_on",
            "fingerprint", "browser_info", "payment_channel", "payment_method_id", "network_transaction_id",
            "payment_method_status", "updated", "split_payments", "frm_metadata", "extended_authorization_applied",
            "extended_authorization_last_applied_at", "request_extended_authorization", "capture_before",
            "merchant_order_reference_id", "order_tax_amount", "connector_mandate_id", "card_discovery",
            "force_3ds_challenge", "force_3ds_challenge_trigger", "issuer_error_code", "issuer_error_message",
            "is_iframe_redirection_enabled", "whole_connector_response", "enable_partial_authorization",
            "enable_overcapture", "is_overcapture_enabled", "network_details", "is_stored_credential",
            "mit_category", "billing_descriptor", "tokenization", "partner_merchant_identifier_details",
            "payment_method_tokenization_details");

    /** Hyperswitch's {@code CustomerDetailsResponse}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CustomerDetailsResponse(@Nullable String id, @Nullable String name, @Nullable String email,
                                          @Nullable String phone, @Nullable String phoneCountryCode) {
    }

    /** Hyperswitch's {@code IncrementalAuthorizationResponse}: {@code amount} is the new authorized total. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record IncrementalAuthorizationResponse(String authorizationId, long amount, String status,
                                                   @Nullable String errorCode, @Nullable String errorMessage,
                                                   long previouslyAuthorizedAmount) {
    }
}
