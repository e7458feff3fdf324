package dev.tender.app.api;

import dev.tender.app.http.Shape;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * POST /customers/{customer_id}, as Hyperswitch's {@code CustomerUpdateRequest}: the fields sent replace the
 * customer's, the others stay; the customer is named by the path only.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record CustomerUpdateRequest(@Nullable @Size(max = 255) String name,
                             @Nullable @Size(max = 255) @Email String email,
                             @Nullable @Size(max = 255) String phone,
                             @Nullable @Size(max = 255) String description,
                             @Nullable @Size(max = 255) String phoneCountryCode,
                             @Nullable @Shape(Shape.Kind.OBJECT) JsonNode address,
                             @Nullable Map<String, String> metadata,
                             @Nullable @Size(max = 255) String taxRegistrationId) {
}
