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
 * unset: no redirect by POST, no recon, no routing algorithms. {@code created_at} is Tender's own. The
 * {@code payment_response_hash_key} is shown, as Hyperswitch shows it (it is the merchant's to verify its
 * webhooks with); {@code enable_payment_response_hash} is true unless set false, as in Hyperswitch.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MerchantAccountResponse(String merchantId, @Nullable String merchantName, @Nullable String returnUrl,
                                      boolean enablePaymentResponseHash, @Nullable String paymentResponseHashKey,
                                      boolean redirectToMerchantWithHttpPost,
                                      @Nullable MerchantDetails merchantDetails,
                                      @Nullable WebhookDetailsResponse webhookDetails,
                                      @Nullable Object payoutRoutingAlgorithm, boolean subMerchantsEnabled,
                                      @Nullable String parentMerchantId, String publishableKey,
                                      @Nullable Map<String, String> metadata, @Nullable String lockerId,
                                      List<Object> primaryBusinessDetails, @Nullable Object frmRoutingAlgorithm,
                                      @Nullable String organizationId, boolean isReconEnabled,
                                      @Nullable String defaultProfile, String reconStatus,
                                      @Nullable Object pmCollectLinkConfig, @Nullable String productType,
                                      String merchantAccountType, Instant createdAt) {

    static MerchantAccountResponse of(Merchant m, @Nullable String paymentResponseHashKey) {
        MerchantSettings s = m.settings();
        return new MerchantAccountResponse(m.merchantId(), m.merchantName(), s.returnUrl(),
                !Boolean.FALSE.equals(s.enablePaymentResponseHash()), paymentResponseHashKey, false,
                s.merchantDetails(), WebhookDetailsResponse.of(s.webhookDetails()), null,
                Boolean.TRUE.equals(s.subMerchantsEnabled()), s.parentMerchantId(),
                m.publishableKey(), s.metadata(), s.lockerId(), List.of(), null, m.organizationId(), false,
                m.defaultProfileId(), "not_requested", null, null, "standard", m.createdAt());
    }
}
