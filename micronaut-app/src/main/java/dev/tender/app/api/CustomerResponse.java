package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.Map;

/** Hyperswitch's {@code CustomerResponse}; Tender keeps no payment methods yet, so no default one. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomerResponse(String customerId, @Nullable String name, @Nullable String email,
                               @Nullable String phone, @Nullable String phoneCountryCode,
                               @Nullable String description, @Nullable JsonNode address, Instant createdAt,
                               @Nullable Map<String, String> metadata, @Nullable String defaultPaymentMethodId,
                               @Nullable String taxRegistrationId) {
}
