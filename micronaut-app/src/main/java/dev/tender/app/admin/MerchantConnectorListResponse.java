package dev.tender.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tender.app.storage.ConnectorAccountEntry;
import dev.tender.ports.out.ConnectorAccount;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Hyperswitch's {@code MerchantConnectorListResponse}: an account in the list, without its credentials.
 * {@code merchant_id} and {@code priority} are Tender's own.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MerchantConnectorListResponse(String connectorType, String connectorName, String connectorLabel,
                                            String merchantConnectorId, @Nullable String profileId,
                                            @Nullable Object paymentMethodsEnabled, boolean testMode,
                                            boolean disabled, @Nullable Object frmConfigs,
                                            @Nullable String businessCountry, @Nullable String businessLabel,
                                            @Nullable String businessSubLabel,
                                            @Nullable Object applepayVerifiedDomains, @Nullable Object pmAuthConfig,
                                            String status, String merchantId, int priority) {

    static MerchantConnectorListResponse of(ConnectorAccountEntry entry) {
        ConnectorAccount a = entry.account();
        return new MerchantConnectorListResponse(MerchantConnectorFields.PAYMENT_PROCESSOR, a.connectorName(),
                a.label(), a.id(), entry.profileId(), null, entry.testMode(), entry.disabled(), null, null, null,
                null, null, null, entry.status(), a.merchantId().value(), a.priority());
    }
}
