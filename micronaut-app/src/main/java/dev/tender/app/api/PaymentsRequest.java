package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tender.app.http.RequestBinder;
import dev.tender.app.http.Shape;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hyperswitch's {@code PaymentsRequest}: the one struct its router reads a create, an update and a confirm
 * into, with every one of its properties (83 in the reference spec; {@code PaymentSchemaApiTest} keeps this
 * record equal to it), read by {@link RequestBinder}. The properties Tender acts on are typed and read
 * ({@link #READ}); the others are checked for their kind ({@link Shape}), kept with the payment as sent and
 * echoed where Hyperswitch's response has a field of the same name ({@link #KEPT}).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record PaymentsRequest(
        @Nullable Boolean allKeysRequired,
        @Nullable @Shape(Shape.Kind.ARRAY) JsonNode allowedPaymentMethodTypes,
        @Nullable Long amount,
        @Nullable Long amountToCapture,
        @Nullable String authenticationType,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode billing,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode billingDescriptor,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode browserInfo,
        @Nullable String businessCountry,
        @Nullable String businessLabel,
        @Nullable String businessSubLabel,
        @Nullable String captureMethod,
        @Nullable String captureOn,
        @Nullable String cardCvc,
        @Nullable String clientSecret,
        @Nullable Boolean confirm,
        @Nullable @Shape(Shape.Kind.ARRAY) JsonNode connector,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode connectorMetadata,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode ctpServiceDetails,
        @Nullable String currency,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode customer,
        @Nullable @Valid MandateFieldsRequest.Acceptance customerAcceptance,
        @Nullable String customerId,
        @Nullable @Size(max = 1000) String description,
        @Nullable Long discountAmount,
        @Nullable Long dutyAmount,
        @Nullable @Size(max = 255) String email,
        @Nullable Boolean enableOvercapture,
        @Nullable Boolean enablePartialAuthorization,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode featureMetadata,
        @Nullable @JsonProperty("force_3ds_challenge") Boolean force3dsChallenge,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode frmMetadata,
        @Nullable Boolean isIframeRedirectionEnabled,
        @Nullable Boolean isStoredCredential,
        @Nullable @Valid MandateFieldsRequest.MandateData mandateData,
        @Nullable String mandateId,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode merchantConnectorDetails,
        @Nullable @Size(max = 255) String merchantId,
        @Nullable String merchantOrderReferenceId,
        @Nullable Map<String, String> metadata,
        @Nullable String mitCategory,
        @Nullable @Size(max = 255) String name,
        @Nullable Boolean offSession,
        @Nullable String orderDate,
        @Nullable @Shape(Shape.Kind.ARRAY) JsonNode orderDetails,
        @Nullable Long orderTaxAmount,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode partnerMerchantIdentifierDetails,
        @Nullable @Shape(Shape.Kind.OBJECT_OR_STRING) JsonNode paymentChannel,
        @Nullable String paymentExperience,
        @Nullable String paymentId,
        @Nullable Boolean paymentLink,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode paymentLinkConfig,
        @Nullable String paymentLinkConfigId,
        @Nullable String paymentMethod,
        @Nullable @Valid PaymentMethodDataRequest paymentMethodData,
        @Nullable String paymentMethodType,
        @Nullable String paymentToken,
        @Nullable String paymentType,
        @Nullable @Size(max = 255) String phone,
        @Nullable @Size(max = 255) String phoneCountryCode,
        @Nullable String profileId,
        @Nullable String psd2ScaExemptionType,
        @Nullable MandateFieldsRequest.RecurringDetails recurringDetails,
        @Nullable Boolean requestExtendedAuthorization,
        @Nullable Boolean requestExternalThreeDsAuthentication,
        @Nullable Boolean requestIncrementalAuthorization,
        @Nullable String retryAction,
        @Nullable String returnUrl,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode routing,
        @Nullable Long sessionExpiry,
        @Nullable String setupFutureUsage,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode shipping,
        @Nullable Long shippingAmountTax,
        @Nullable Long shippingCost,
        @Nullable Boolean skipExternalTaxCalculation,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode splitPayments,
        @Nullable String statementDescriptorName,
        @Nullable String statementDescriptorSuffix,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode surchargeDetails,
        @Nullable String taxStatus,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode threeDsData,
        @Nullable String threedsMethodCompInd,
        @Nullable String tokenization) {

    /**
     * Properties Tender acts on, refuses, or must never keep (a CVC). Of these, {@code description},
     * {@code return_url}, {@code setup_future_usage}, {@code off_session}, {@code mandate_data} and
     * {@code routing} are kept too once checked, and the top-level customer fields go into {@code customer}.
     */
    static final Set<String> READ = Set.of("amount", "currency", "confirm", "payment_id", "amount_to_capture",
            "payment_method", "payment_method_data", "capture_method", "customer_id", "metadata", "return_url",
            "description", "client_secret", "setup_future_usage", "off_session", "mandate_id", "recurring_details",
            "customer_acceptance", "mandate_data", "routing", "card_cvc", "merchant_id", "email", "name", "phone",
            "phone_country_code");

    /** The properties kept as sent, once checked for their kind. */
    static final List<String> KEPT = RequestBinder.properties(PaymentsRequest.class).stream()
            .filter(name -> !READ.contains(name)).toList();

    /**
     * Request fields whose namesake in {@code PaymentsResponse} is another thing (a payment link created,
     * the connector that took the payment, the charges a split made): kept, never echoed.
     */
    static final Set<String> NOT_ECHOED = Set.of("payment_link", "connector", "split_payments");

    /** The fields sent that change what is charged or to whom (a confirm applies them as an update first). */
    List<String> changedTerms(Map<String, JsonNode> kept) {
        List<String> terms = new java.util.ArrayList<>();
        if (amount != null) {
            terms.add("amount");
        }
        if (currency != null) {
            terms.add("currency");
        }
        if (captureMethod != null) {
            terms.add("capture_method");
        }
        if (customerId != null) {
            terms.add("customer_id");
        }
        if (metadata != null) {
            terms.add("metadata");
        }
        if (kept.containsKey("customer")) {
            terms.add("customer");
        }
        return terms;
    }
}
