package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A merchant account. The organization and the default profile are null only for a merchant made outside
 * the admin API (some tests insert their own rows).
 */
public record Merchant(String merchantId, @Nullable String merchantName, String publishableKey,
                       @Nullable String organizationId, @Nullable String defaultProfileId, MerchantSettings settings,
                       Instant createdAt) {

    public Merchant with(@Nullable String merchantName, @Nullable String defaultProfileId, MerchantSettings settings) {
        return new Merchant(merchantId, merchantName, publishableKey, organizationId, defaultProfileId, settings,
                createdAt);
    }
}
