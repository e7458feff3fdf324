package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/**
 * The fields of a merchant account that Tender keeps, stored as one JSON object in {@code merchants.settings}:
 * most only to show them back; the webhook settings and the hash key for its webhooks
 * ({@link MerchantStore#webhookTarget}). The hash key is sealed ({@link WebhookSecrets}), never in clear.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MerchantSettings(@Nullable MerchantDetails merchantDetails, @Nullable String returnUrl,
                               @Nullable Map<String, String> metadata, @Nullable Boolean subMerchantsEnabled,
                               @Nullable String parentMerchantId, @Nullable String lockerId,
                               @Nullable WebhookSettings webhookDetails, @Nullable Boolean enablePaymentResponseHash,
                               @Nullable String sealedPaymentResponseHashKey) {

    public static final MerchantSettings NONE = new MerchantSettings(null, null, null, null, null, null, null, null,
            null);
}
