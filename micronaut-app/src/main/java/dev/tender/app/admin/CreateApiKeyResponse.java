package dev.tender.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tender.app.storage.ApiKey;
import dev.tender.app.storage.ApiKeyStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/** Hyperswitch's {@code CreateApiKeyResponse}: the only answer that shows the key itself. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreateApiKeyResponse(String keyId, String merchantId, String name, @Nullable String description,
                                   String apiKey, Instant created, String expiration) {

    static CreateApiKeyResponse of(ApiKeyStore.Created created) {
        ApiKey key = created.key();
        return new CreateApiKeyResponse(key.keyId(), key.merchantId(), key.name(), key.description(),
                created.plainKey(), key.createdAt(), ApiKeyExpiration.wire(key.expiresAt()));
    }
}
