package dev.tender.app.storage;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** What a key's lookup reads ({@link ApiKeyRows#findHolder}): the key's merchant and that merchant's profile. */
@Introspected
record KeyHolderRow(String merchantId, String keyHash, @Nullable Instant expiresAt,
                    @Nullable String defaultProfileId) {
}
