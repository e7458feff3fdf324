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
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentsResponse(
        String paymentId, String merchantId, String status, long amount, long netAmount,
        @Nullable JsonNode shippingCost, long amountCapturable, long amountReceived, @Nullable String connector,
        String clientSecret, Instant created, String currency, @Nullable String customerId,
        @Nullable CustomerDetailsResponse customer, @Nullable JsonNode description,
        @Nullable List<RefundResponse> refunds, @Nullable JsonNode disputes, @Nullable JsonNode attempts,
        @Nullable JsonNode captures, @Nullable String mandateId, @Nullable Object mandateData,
        @Nullable JsonNode setupFutureUsage, @Nullable JsonNode offSession, @Nullable JsonNode captureOn,
        String captureMethod, @Nullable String paymentMethod, @Nullable PaymentMethodDataResponse paymentMethodData,
        @Nullable JsonNode paymentToken, @Nullable JsonNode shipping, @Nullable JsonNode billing,
        @Nullable JsonNode orderDetails, @Nullable String email, @Nullable String name, @Nullable String phone,
        @Nullable JsonNode returnUrl, @Nullable JsonNode authenticationType,
        @Nullable JsonNode statementDescriptorName, @Nullable JsonNode statementDescriptorSuffix,
        @Nullable NextActionData nextAction, @Nullable String cancellationReason, @Nullable String errorCode,
        @Nullable String errorMessage, @Nullable JsonNode unifiedCode, @Nullable JsonNode unifiedMessage,
        @Nullable JsonNode paymentExperience, @Nullable JsonNode paymentMethodType, @Nullable String connectorLabel,
        @Nullable JsonNode businessCountry, @Nullable JsonNode businessLabel, @Nullable JsonNode businessSubLabel,
        @Nullable JsonNode allowedPaymentMethodTypes, @Nullable JsonNode ephemeralKey,
        @Nullable Boolean manualRetryAllowed, @Nullable String connectorTransactionId, @Nullable JsonNode frmMessage,
        Map<String, String> metadata, @Nullable JsonNode connectorMetadata, @Nullable JsonNode featureMetadata,
        @Nullable JsonNode referenceId, @Nullable JsonNode paymentLink, @Nullable String profileId,
        @Nullable JsonNode surchargeDetails, int attemptCount, @Nullable JsonNode merchantDecision,
        @Nullable String merchantConnectorId, @Nullable Boolean incrementalAuthorizationAllowed,
        int authorizationCount, @Nullable List<IncrementalAuthorizationResponse> incrementalAuthorizations,
        @Nullable JsonNode externalAuthenticationDetails,
        @JsonProperty("external_3ds_authentication_attempted") @Nullable JsonNode external3dsAuthenticationAttempted,
        @Nullable Instant expiresOn, @Nullable JsonNode fingerprint, @Nullable JsonNode browserInfo,
        @Nullable JsonNode paymentChannel, @Nullable JsonNode paymentMethodId, @Nullable JsonNode networkTransactionId,
        @Nullable JsonNode paymentMethodStatus, Instant updated, @Nullable JsonNode splitPayments,
        @Nullable JsonNode frmMetadata, @Nullable JsonNode extendedAuthorizationApplied,
        @Nullable JsonNode extendedAuthorizationLastAppliedAt, @Nullable JsonNode requestExtendedAuthorization,
        @Nullable Instant captureBefore, @Nullable JsonNode merchantOrderReferenceId,
        @Nullable JsonNode orderTaxAmount, @Nullable String connectorMandateId, @Nullable String cardDiscovery,
        @JsonProperty("force_3ds_challenge") @Nullable JsonNode force3dsChallenge,
        @JsonProperty("force_3ds_challenge_trigger") @Nullable JsonNode force3dsChallengeTrigger,
        @Nullable JsonNode issuerErrorCode, @Nullable JsonNode issuerErrorMessage,
        @Nullable JsonNode isIframeRedirectionEnabled, @Nullable JsonNode wholeConnectorResponse,
        @Nullable JsonNode enablePartialAuthorization, @Nullable JsonNode enableOvercapture,
        @Nullable JsonNode isOvercaptureEnabled, @Nullable JsonNode networkDetails,
        @Nullable JsonNode isStoredCredential, @Nullable JsonNode mitCategory, @Nullable JsonNode billingDescriptor,
        @Nullable JsonNode tokenization, @Nullable JsonNode partnerMerchantIdentifierDetails,
        @Nullable JsonNode paymentMethodTokenizationDetails) {

    /** Every field of Hyperswitch's {@code PaymentsResponse}, in its order. */
    static final List<String> FIELDS = List.of("payment_id", "merchant_id", "status", "amount", "net_amount", "shipping_cost", "amount_capturable", "amount_received",
            "connector", "client_secret", "created", "currency", "customer_id", "customer", "description", "refunds",
            "disputes", "attempts", "captures", "mandate_id", "mandate_data", "setup_future_usage", "off_session",
            "capture_on", "capture_method", "payment_method", "payment_method_data", "payment_token", "shipping",
            "billing", "order_details", "email", "name", "phone", "return_url", "authentication_type",
            "statement_descriptor_name", "statement_descriptor_suffix", "next_action", "cancellation_reason",
            "error_code", "error_message", "unified_code", "unified_message", "payment_experience",
            "payment_method_type", "connector_label", "business_country", "business_label", "business_sub_label",
            "allowed_payment_method_types", "ephemeral_key", "manual_retry_allowed", "connector_transaction_id",
            "frm_message", "metadata", "connector_metadata", "feature_metadata", "reference_id", "payment_link",
            "profile_id", "surcharge_details", "attempt_count", "merchant_decision", "merchant_connector_id",
            "incremental_authorization_allowed", "authorization_count", "incremental_authorizations",
            "external_authentication_details", "external_3ds_authentication_attempted", "expires_on", "fingerprint",
            "browser_info", "payment_channel", "payment_method_id", "network_transaction_id", "payment_method_status",
            "updated", "split_payments", "frm_metadata", "extended_authorization_applied",
            "extended_authorization_last_applied_at", "request_extended_authorization", "capture_before",
            "merchant_order_reference_id", "order_tax_amount", "connector_mandate_id", "card_discovery",
            "force_3ds_challenge", "force_3ds_challenge_trigger", "issuer_error_code", "issuer_error_message",
            "is_iframe_redirection_enabled", "whole_connector_response", "enable_partial_authorization",
            "enable_overcapture", "is_overcapture_enabled", "network_details", "is_stored_credential", "mit_category",
            "billing_descriptor", "tokenization", "partner_merchant_identifier_details",
            "payment_method_tokenization_details");

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
