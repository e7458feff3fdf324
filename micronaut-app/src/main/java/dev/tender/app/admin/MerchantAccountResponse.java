package dev.tender.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tender.app.storage.Merchant;
import dev.tender.app.storage.MerchantDetails;
import dev.tender.app.storage.MerchantSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Hyperswitch's {@code MerchantAccountResponse}. What Tender does not do shows as Hyperswitch shows it
 * unset: no payment response hash, no redirect by POST, no recon, no routing algorithms, no webhooks yet.
 * {@code created_at} is Tender's own.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MerchantAccountResponse(String merchantId, @Nullable String merchantName, @Nullable String returnUrl,
                                      boolean enablePaymentResponseHash, @Nullable String paymentResponseHashKey,
                                      boolean redirectToMerchantWithHttpPost,
                                      @Nullable MerchantDetails merchantDetails, @Nullable Object webhookDetails,
                                      @Nullable Object payoutRoutingAlgorithm, boolean subMerchantsEnabled,
                                      @Nullable String parentMerchantId, String publishableKey,
                                      @Nullable Map<String, String> metadata, @Nullable String lockerId,
                                      List<Object> primaryBusinessDetails, @Nullable Object frmRoutingAlgorithm,
                                      @Nullable String organizationId, boolean isReconEnabled,
                                      @Nullable String defaultProfile, String reconStatus,
                                      @Nullable Object pmCollectLinkConfig, @Nullable String productType,
                                      String merchantAccountType, Instant createdAt) {

    static MerchantAccountResponse of(Merchant m) {
        MerchantSettings s = m.settings();
        return new MerchantAccountResponse(m.merchantId(), m.merchantName(), s.returnUrl(), false, null, false,
                s.merchantDetails(), null, null, Boolean.TRUE.equals(s.subMerchantsEnabled()), s.parentMerchantId(),
                m.publishableKey(), s.metadata(), s.lockerId(), List.of(), null, m.organizationId(), false,
                m.defaultProfileId(), "not_requested", null, null, "standard", m.createdAt());
    }
}
