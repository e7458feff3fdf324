package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/**
 * A row of {@code merchants} (V1, V3). The settings are JSON text through Micronaut Serialization; a deleted
 * merchant keeps its row with {@code deleted_at} set. Rows made outside the admin API (some tests insert their
 * own) have no organization nor default profile.
 */
@MappedEntity("merchants")
record MerchantRow(@Id String merchantId, @Nullable String merchantName, String publishableKey,
                   @Nullable String organizationId, @Nullable String defaultProfileId,
                   @TypeDef(type = DataType.JSON) MerchantSettings settings, Instant createdAt,
                   @Nullable Instant deletedAt) {

    static MerchantRow of(Merchant merchant) {
        return new MerchantRow(merchant.merchantId(), merchant.merchantName(), merchant.publishableKey(),
                merchant.organizationId(), merchant.defaultProfileId(), merchant.settings(), merchant.createdAt(),
                null);
    }

    Merchant merchant() {
        return new Merchant(merchantId, merchantName, publishableKey, organizationId, defaultProfileId, settings,
                createdAt);
    }
}
