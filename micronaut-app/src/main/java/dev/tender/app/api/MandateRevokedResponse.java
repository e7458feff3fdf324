package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Hyperswitch's {@code MandateRevokedResponse}. {@code error_code} and {@code error_message} carry a
 * connector's refusal to revoke; Tender revokes without calling the connector, so they are null.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MandateRevokedResponse(String mandateId, String status, @Nullable String errorCode,
                                     @Nullable String errorMessage) {
}
