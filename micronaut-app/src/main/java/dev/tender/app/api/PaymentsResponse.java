package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Hyperswitch's {@code PaymentsResponse}: every field of the schema, in its order, null when unknown. A
 * field is what Tender says of the payment ({@link PaymentFacts}); else the request field of that name
 * kept with the payment, as it was sent ({@code JsonNode}: Tender does not model it); else null.
 * {@code mandate_data} is Tender's {@link MandateDataResponse} of a setup, else the request's as sent.
 * Each field is named explicitly: a naming strategy would also rename {@code force_3ds_challenge}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentsResponse(
        @JsonProperty("payment_id") String paymentId,
        @JsonProperty("merchant_id") String merchantId,
        @JsonProperty("status") String status,
        @JsonProperty("amount") long amount,
        @JsonProperty("net_amount") long netAmount,
        @JsonProperty("shipping_cost") @Nullable JsonNode shippingCost,
        @JsonProperty("amount_capturable") long amountCapturable,
        @JsonProperty("amount_received") long amountReceived,
        @JsonProperty("connector") @Nullable String connector,
        @JsonProperty("client_secret") String clientSecret,
        @JsonProperty("created") Instant created,
        @JsonProperty("currency") String currency,
        @JsonProperty("customer_id") @Nullable String customerId,
        @JsonProperty("customer") @Nullable CustomerDetailsResponse customer,
        @JsonProperty("description") @Nullable JsonNode description,
        @JsonProperty("refunds") @Nullable List<RefundResponse> refunds,
        @JsonProperty("disputes") @Nullable JsonNode disputes,
        @JsonProperty("attempts") @Nullable JsonNode attempts,
        @JsonProperty("captures") @Nullable JsonNode captures,
        @JsonProperty("mandate_id") @Nullable String mandateId,
        @JsonProperty("mandate_data") @Nullable Object mandateData,
        @JsonProperty("setup_future_usage") @Nullable JsonNode setupFutureUsage,
        @JsonProperty("off_session") @Nullable JsonNode offSession,
        @JsonProperty("capture_on") @Nullable JsonNode captureOn,
        @JsonProperty("capture_method") String captureMethod,
        @JsonProperty("payment_method") @Nullable String paymentMethod,
        @JsonProperty("payment_method_data") @Nullable PaymentMethodDataResponse paymentMethodData,
        @JsonProperty("payment_token") @Nullable JsonNode paymentToken,
        @JsonProperty("shipping") @Nullable JsonNode shipping,
        @JsonProperty("billing") @Nullable JsonNode billing,
        @JsonProperty("order_details") @Nullable JsonNode orderDetails,
        @JsonProperty("email") @Nullable String email,
        @JsonProperty("name") @Nullable String name,
        @JsonProperty("phone") @Nullable String phone,
        @JsonProperty("return_url") @Nullable JsonNode returnUrl,
        @JsonProperty("authentication_type") @Nullable JsonNode authenticationType,
        @JsonProperty("statement_descriptor_name") @Nullable JsonNode statementDescriptorName,
        @JsonProperty("statement_descriptor_suffix") @Nullable JsonNode statementDescriptorSuffix,
        @JsonProperty("next_action") @Nullable NextActionData nextAction,
        @JsonProperty("cancellation_reason") @Nullable String cancellationReason,
        @JsonProperty("error_code") @Nullable String errorCode,
        @JsonProperty("error_message") @Nullable String errorMessage,
        @JsonProperty("unified_code") @Nullable JsonNode unifiedCode,
        @JsonProperty("unified_message") @Nullable JsonNode unifiedMessage,
        @JsonProperty("payment_experience") @Nullable JsonNode paymentExperience,
        @JsonProperty("payment_method_type") @Nullable JsonNode paymentMethodType,
        @JsonProperty("connector_label") @Nullable String connectorLabel,
        @JsonProperty("business_country") @Nullable JsonNode businessCountry,
        @JsonProperty("business_label") @Nullable JsonNode businessLabel,
        @JsonProperty("business_sub_label") @Nullable JsonNode businessSubLabel,
        @JsonProperty("allowed_payment_method_types") @Nullable JsonNode allowedPaymentMethodTypes,
        @JsonProperty("ephemeral_key") @Nullable JsonNode ephemeralKey,
        @JsonProperty("manual_retry_allowed") @Nullable Boolean manualRetryAllowed,
        @JsonProperty("connector_transaction_id") @Nullable String connectorTransactionId,
        @JsonProperty("frm_message") @Nullable JsonNode frmMessage,
        @JsonProperty("metadata") Map<String, String> metadata,
        @JsonProperty("connector_metadata") @Nullable JsonNode connectorMetadata,
        @JsonProperty("feature_metadata") @Nullable JsonNode featureMetadata,
        @JsonProperty("reference_id") @Nullable JsonNode referenceId,
        @JsonProperty("payment_link") @Nullable JsonNode paymentLink,
        @JsonProperty("profile_id") @Nullable String profileId,
        @JsonProperty("surcharge_details") @Nullable JsonNode surchargeDetails,
        @JsonProperty("attempt_count") int attemptCount,
        @JsonProperty("merchant_decision") @Nullable JsonNode merchantDecision,
        @JsonProperty("merchant_connector_id") @Nullable String merchantConnectorId,
        @JsonProperty("incremental_authorization_allowed") @Nullable Boolean incrementalAuthorizationAllowed,
        @JsonProperty("authorization_count") int authorizationCount,
        @JsonProperty("incremental_authorizations")
        @Nullable List<IncrementalAuthorizationResponse> incrementalAuthorizations,
        @JsonProperty("external_authentication_details") @Nullable JsonNode externalAuthenticationDetails,
        @JsonProperty("external_3ds_authentication_attempted") @Nullable JsonNode external3dsAuthenticationAttempted,
        @JsonProperty("expires_on") @Nullable Instant expiresOn,
        @JsonProperty("fingerprint") @Nullable JsonNode fingerprint,
        @JsonProperty("browser_info") @Nullable JsonNode browserInfo,
        @JsonProperty("payment_channel") @Nullable JsonNode paymentChannel,
        @JsonProperty("payment_method_id") @Nullable JsonNode paymentMethodId,
        @JsonProperty("network_transaction_id") @Nullable JsonNode networkTransactionId,
        @JsonProperty("payment_method_status") @Nullable JsonNode paymentMethodStatus,
        @JsonProperty("updated") Instant updated,
        @JsonProperty("split_payments") @Nullable JsonNode splitPayments,
        @JsonProperty("frm_metadata") @Nullable JsonNode frmMetadata,
        @JsonProperty("extended_authorization_applied") @Nullable JsonNode extendedAuthorizationApplied,
        @JsonProperty("extended_authorization_last_applied_at") @Nullable JsonNode extendedAuthorizationLastAppliedAt,
        @JsonProperty("request_extended_authorization") @Nullable JsonNode requestExtendedAuthorization,
        @JsonProperty("capture_before") @Nullable Instant captureBefore,
        @JsonProperty("merchant_order_reference_id") @Nullable JsonNode merchantOrderReferenceId,
        @JsonProperty("order_tax_amount") @Nullable JsonNode orderTaxAmount,
        @JsonProperty("connector_mandate_id") @Nullable String connectorMandateId,
        @JsonProperty("card_discovery") @Nullable String cardDiscovery,
        @JsonProperty("force_3ds_challenge") @Nullable JsonNode force3dsChallenge,
        @JsonProperty("force_3ds_challenge_trigger") @Nullable JsonNode force3dsChallengeTrigger,
        @JsonProperty("issuer_error_code") @Nullable JsonNode issuerErrorCode,
        @JsonProperty("issuer_error_message") @Nullable JsonNode issuerErrorMessage,
        @JsonProperty("is_iframe_redirection_enabled") @Nullable JsonNode isIframeRedirectionEnabled,
        @JsonProperty("whole_connector_response") @Nullable JsonNode wholeConnectorResponse,
        @JsonProperty("enable_partial_authorization") @Nullable JsonNode enablePartialAuthorization,
        @JsonProperty("enable_overcapture") @Nullable JsonNode enableOvercapture,
        @JsonProperty("is_overcapture_enabled") @Nullable JsonNode isOvercaptureEnabled,
        @JsonProperty("network_details") @Nullable JsonNode networkDetails,
        @JsonProperty("is_stored_credential") @Nullable JsonNode isStoredCredential,
        @JsonProperty("mit_category") @Nullable JsonNode mitCategory,
        @JsonProperty("billing_descriptor") @Nullable JsonNode billingDescriptor,
        @JsonProperty("tokenization") @Nullable JsonNode tokenization,
        @JsonProperty("partner_merchant_identifier_details") @Nullable JsonNode partnerMerchantIdentifierDetails,
        @JsonProperty("payment_method_tokenization_details") @Nullable JsonNode paymentMethodTokenizationDetails) {

    /** Every field of Hyperswitch's {@code PaymentsResponse}, in its order. */
    static final List<String> FIELDS = List.of("payment_id", "merchant_id", "status", "amount", "net_amount",
            "shipping_cost", "amount_capturable", "amount_received", "connector", "client_secret", "created",
            "currency", "customer_id", "customer", "description", "refunds", "disputes", "attempts", "captures",
            "mandate_id", "mandate_data", "setup_future_usage", "off_session", "capture_on", "capture_method",
            "payment_method", "payment_method_data", "payment_token", "shipping", "billing", "order_details", "email",
            "name", "phone", "return_url", "authentication_type", "statement_descriptor_name",
            "statement_descriptor_suffix", "next_action", "cancellation_reason", "error_code", "error_message",
            "unified_code", "unified_message", "payment_experience", "payment_method_type", "connector_label",
            "business_country", "business_label", "business_sub_label", "allowed_payment_method_types", "ephemeral_key",
            "manual_retry_allowed", "connector_transaction_id", "frm_message", "metadata", "connector_metadata",
            "feature_metadata", "reference_id", "payment_link", "profile_id", "surcharge_details", "attempt_count",
            "merchant_decision", "merchant_connector_id", "incremental_authorization_allowed", "authorization_count",
            "incremental_authorizations", "external_authentication_details", "external_3ds_authentication_attempted",
            "expires_on", "fingerprint", "browser_info", "payment_channel", "payment_method_id",
            "network_transaction_id", "payment_method_status", "updated", "split_payments", "frm_metadata",
            "extended_authorization_applied", "extended_authorization_last_applied_at",
            "request_extended_authorization", "capture_before", "merchant_order_reference_id", "order_tax_amount",
            "connector_mandate_id", "card_discovery", "force_3ds_challenge", "force_3ds_challenge_trigger",
            "issuer_error_code", "issuer_error_message", "is_iframe_redirection_enabled", "whole_connector_response",
            "enable_partial_authorization", "enable_overcapture", "is_overcapture_enabled", "network_details",
            "is_stored_credential", "mit_category", "billing_descriptor", "tokenization",
            "partner_merchant_identifier_details", "payment_method_tokenization_details");

    /**
     * The response of a payment: Tender's facts, and for the fields it has none of, the kept request fields
     * (never those whose namesake is another thing: {@code connector}, {@code payment_link},
     * {@code split_payments}).
     */
    static PaymentsResponse of(PaymentFacts facts, Map<String, JsonNode> kept) {
        return new PaymentsResponse(
                facts.paymentId(), facts.merchantId(), facts.status(), facts.amount(), facts.netAmount(),
                kept.get("shipping_cost"), facts.amountCapturable(), facts.amountReceived(), facts.connector(),
                facts.clientSecret(), facts.created(), facts.currency(),
                orKept(facts.customerId(), kept, "customer_id"), facts.customer(), kept.get("description"),
                facts.refunds(), kept.get("disputes"), kept.get("attempts"), kept.get("captures"),
                orKept(facts.mandateId(), kept, "mandate_id"),
                facts.mandateData() != null ? facts.mandateData() : kept.get("mandate_data"),
                kept.get("setup_future_usage"), kept.get("off_session"), kept.get("capture_on"), facts.captureMethod(),
                orKept(facts.paymentMethod(), kept, "payment_method"), facts.paymentMethodData(),
                kept.get("payment_token"), kept.get("shipping"), kept.get("billing"), kept.get("order_details"),
                orKept(facts.email(), kept, "email"), orKept(facts.name(), kept, "name"),
                orKept(facts.phone(), kept, "phone"), kept.get("return_url"), kept.get("authentication_type"),
                kept.get("statement_descriptor_name"), kept.get("statement_descriptor_suffix"), facts.nextAction(),
                orKept(facts.cancellationReason(), kept, "cancellation_reason"),
                orKept(facts.errorCode(), kept, "error_code"), orKept(facts.errorMessage(), kept, "error_message"),
                kept.get("unified_code"), kept.get("unified_message"), kept.get("payment_experience"),
                kept.get("payment_method_type"), orKept(facts.connectorLabel(), kept, "connector_label"),
                kept.get("business_country"), kept.get("business_label"), kept.get("business_sub_label"),
                kept.get("allowed_payment_method_types"), kept.get("ephemeral_key"), facts.manualRetryAllowed(),
                orKept(facts.connectorTransactionId(), kept, "connector_transaction_id"), kept.get("frm_message"),
                facts.metadata(), kept.get("connector_metadata"), kept.get("feature_metadata"),
                kept.get("reference_id"), null /* payment_link */, orKept(facts.profileId(), kept, "profile_id"),
                kept.get("surcharge_details"), facts.attemptCount(), kept.get("merchant_decision"),
                orKept(facts.merchantConnectorId(), kept, "merchant_connector_id"),
                facts.incrementalAuthorizationAllowed(), facts.authorizationCount(), facts.incrementalAuthorizations(),
                kept.get("external_authentication_details"), kept.get("external_3ds_authentication_attempted"),
                facts.expiresOn(), kept.get("fingerprint"), kept.get("browser_info"), kept.get("payment_channel"),
                kept.get("payment_method_id"), kept.get("network_transaction_id"), kept.get("payment_method_status"),
                facts.updated(), null /* split_payments */, kept.get("frm_metadata"),
                kept.get("extended_authorization_applied"), kept.get("extended_authorization_last_applied_at"),
                kept.get("request_extended_authorization"), facts.captureBefore(),
                kept.get("merchant_order_reference_id"), kept.get("order_tax_amount"),
                orKept(facts.connectorMandateId(), kept, "connector_mandate_id"),
                orKept(facts.cardDiscovery(), kept, "card_discovery"), kept.get("force_3ds_challenge"),
                kept.get("force_3ds_challenge_trigger"), kept.get("issuer_error_code"),
                kept.get("issuer_error_message"), kept.get("is_iframe_redirection_enabled"),
                kept.get("whole_connector_response"), kept.get("enable_partial_authorization"),
                kept.get("enable_overcapture"), kept.get("is_overcapture_enabled"), kept.get("network_details"),
                kept.get("is_stored_credential"), kept.get("mit_category"), kept.get("billing_descriptor"),
                kept.get("tokenization"), kept.get("partner_merchant_identifier_details"),
                kept.get("payment_method_tokenization_details"));
    }

    @Nullable
    private static String orKept(@Nullable String known, Map<String, JsonNode> kept, String field) {
        JsonNode sent = kept.get(field);
        return known != null || sent == null || !sent.isString() ? known : sent.getStringValue();
    }

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
