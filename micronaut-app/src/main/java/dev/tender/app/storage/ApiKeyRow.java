package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code api_keys} (V1, V3): the key's SHA-256 hash and first characters, never the key. */
@MappedEntity("api_keys")
record ApiKeyRow(@Id String keyId, String merchantId, @Nullable String name, @Nullable String description,
                 String keyHash, String prefix, Instant createdAt, @Nullable Instant expiresAt,
                 @Nullable Instant revokedAt) {
}
