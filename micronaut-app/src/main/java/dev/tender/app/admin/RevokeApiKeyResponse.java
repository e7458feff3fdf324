package dev.tender.app.admin;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Hyperswitch's {@code RevokeApiKeyResponse}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RevokeApiKeyResponse(String merchantId, String keyId, boolean revoked) {
}
