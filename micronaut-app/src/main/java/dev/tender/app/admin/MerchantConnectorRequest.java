package dev.tender.app.admin;

import dev.tender.app.http.Shape;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.Set;

/**
 * Hyperswitch's {@code MerchantConnectorCreate} and {@code MerchantConnectorUpdate}: every property of either
 * ({@link #CREATE_ONLY} are refused by an update), and {@code priority}, Tender's own (lower first in
 * routing). Payment method, webhook, FRM, wallet and business settings are taken and not kept: Tender routes
 * by priority and by what the connector can do.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record MerchantConnectorRequest(
        @Nullable String connectorType,
        @Nullable String connectorName,
        @Nullable @Size(max = 255) String connectorLabel,
        @Nullable @Size(max = 64) String profileId,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode connectorAccountDetails,
        @Nullable @Shape(Shape.Kind.ARRAY) JsonNode paymentMethodsEnabled,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode connectorWebhookDetails,
        @Nullable Map<String, String> metadata,
        @Nullable Boolean testMode,
        @Nullable Boolean disabled,
        @Nullable @Shape(Shape.Kind.ARRAY) JsonNode frmConfigs,
        @Nullable String businessCountry,
        @Nullable String businessLabel,
        @Nullable String businessSubLabel,
        @Nullable String merchantConnectorId,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode pmAuthConfig,
        @Nullable String status,
        @Nullable @Shape(Shape.Kind.ANY) JsonNode additionalMerchantData,
        @Nullable @Shape(Shape.Kind.OBJECT) JsonNode connectorWalletsDetails,
        @Nullable Long priority) {

    static final Set<String> CREATE_ONLY = Set.of("connector_name", "profile_id", "business_country",
            "business_label", "business_sub_label", "merchant_connector_id");
}
