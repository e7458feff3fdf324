package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A merchant's API key as stored: never the key itself, only its first characters ({@code prefix}) and its
 * hash. A key with an expiry authenticates until then; without one, until it is revoked.
 */
public record ApiKey(String keyId, String merchantId, String name, @Nullable String description, String prefix,
                     Instant createdAt, @Nullable Instant expiresAt) {

    public ApiKey with(String name, @Nullable String description, @Nullable Instant expiresAt) {
        return new ApiKey(keyId, merchantId, name, description, prefix, createdAt, expiresAt);
    }
}
