package dev.tender.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tender.app.storage.ConnectorAccountEntry;
import dev.tender.ports.out.ConnectorAccount;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/**
 * Hyperswitch's {@code MerchantConnectorResponse}. The credentials are masked ({@link MaskedCredentials});
 * {@code metadata} is the account's settings. What Tender does not keep shows as null. {@code merchant_id}
 * and {@code priority} are Tender's own.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MerchantConnectorResponse(String connectorType, String connectorName, String connectorLabel,
                                        String merchantConnectorId, @Nullable String profileId,
                                        Map<String, String> connectorAccountDetails,
                                        @Nullable Object paymentMethodsEnabled,
                                        @Nullable Object connectorWebhookDetails, Map<String, String> metadata,
                                        boolean testMode, boolean disabled, @Nullable Object frmConfigs,
                                        @Nullable String businessCountry, @Nullable String businessLabel,
                                        @Nullable String businessSubLabel, @Nullable Object applepayVerifiedDomains,
                                        @Nullable Object pmAuthConfig, String status,
                                        @Nullable Object additionalMerchantData,
                                        @Nullable Object connectorWalletsDetails, String merchantId, int priority) {

    static MerchantConnectorResponse of(ConnectorAccountEntry entry) {
        ConnectorAccount a = entry.account();
        return new MerchantConnectorResponse(MerchantConnectorFields.PAYMENT_PROCESSOR, a.connectorName(), a.label(),
                a.id(), entry.profileId(), MaskedCredentials.of(entry), null, null, a.settings().toJavaMap(),
                entry.testMode(), entry.disabled(), null, null, null, null, null, null, entry.status(), null, null,
                a.merchantId().value(), a.priority());
    }
}
