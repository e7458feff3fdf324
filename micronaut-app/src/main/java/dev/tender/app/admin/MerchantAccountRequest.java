package dev.tender.app.admin;

import dev.tender.app.http.Shape;
import dev.tender.app.storage.AdminIds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.Set;

/**
 * Hyperswitch's {@code MerchantAccountCreate} and {@code MerchantAccountUpdate}: every property of either
 * ({@link #CREATE_ONLY} and {@link #UPDATE_ONLY} are refused by the other endpoint). Routing algorithms and
 * recon settings are taken and not kept: Tender does not do them (yet).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record MerchantAccountRequest(
        @Nullable @Pattern(regexp = AdminIds.ID_PATTERN, message = ID) String merchantId,
        @Nullable @Size(max = 255) String merchantName,
        @Nullable @Valid MerchantDetailsRequest merchantDetails,
        @Nullable String returnUrl,
        @Nullable @Valid WebhookDetailsRequest webhookDetails,
        @Nullable @Shape(Shape.Kind.ANY) JsonNode payoutRoutingAlgorithm,
        @Nullable Boolean subMerchantsEnabled,
        @Nullable @Size(max = 64) String parentMerchantId,
        @Nullable Boolean enablePaymentResponseHash,
        @Nullable @Size(min = 1, max = 255) String paymentResponseHashKey,
        @Nullable Boolean redirectToMerchantWithHttpPost,
        @Nullable Map<String, String> metadata,
        @Nullable String publishableKey,
        @Nullable @Size(max = 64) String lockerId,
        @Nullable @Shape(Shape.Kind.ANY) JsonNode primaryBusinessDetails,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode frmRoutingAlgorithm,
        @Nullable @Pattern(regexp = AdminIds.ID_PATTERN, message = ID) String organizationId,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode pmCollectLinkConfig,
        @Nullable String productType,
        @Nullable String merchantAccountType,
        @Nullable @Size(max = 64) String defaultProfile) {

    static final String ID = "must be 1 to 64 letters, digits, '_' or '-'";
    static final Set<String> CREATE_ONLY = Set.of("organization_id", "product_type", "merchant_account_type");
    static final Set<String> UPDATE_ONLY = Set.of("default_profile");
}
