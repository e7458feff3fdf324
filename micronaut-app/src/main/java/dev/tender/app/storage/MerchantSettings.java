package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/**
 * The fields of a merchant account that Tender keeps only to show them back (it does not act on them),
 * stored as one JSON object in {@code merchants.settings}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MerchantSettings(@Nullable MerchantDetails merchantDetails, @Nullable String returnUrl,
                               @Nullable Map<String, String> metadata, @Nullable Boolean subMerchantsEnabled,
                               @Nullable String parentMerchantId, @Nullable String lockerId) {

    public static final MerchantSettings NONE = new MerchantSettings(null, null, null, null, null, null);
}
