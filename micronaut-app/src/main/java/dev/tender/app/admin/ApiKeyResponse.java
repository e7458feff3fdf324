package dev.tender.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tender.app.storage.ApiKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/**
 * Hyperswitch's {@code RetrieveApiKeyResponse}: a key as it can be shown after it was created, by its first
 * characters ({@code prefix}) only.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyResponse(String keyId, String merchantId, String name, @Nullable String description,
                             String prefix, Instant created, String expiration) {

    static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(key.keyId(), key.merchantId(), key.name(), key.description(), key.prefix(),
                key.createdAt(), ApiKeyExpiration.wire(key.expiresAt()));
    }
}
