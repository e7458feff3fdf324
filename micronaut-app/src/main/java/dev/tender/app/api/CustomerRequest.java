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
 * POST /customers, as Hyperswitch's {@code CustomerRequest}, with its lengths; without {@code customer_id},
 * Tender makes one ({@code cus_…}). {@code address} is kept as sent (an object, bounded as kept fields are).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record CustomerRequest(@Nullable @Size(min = 1, max = 64) String customerId,
                       @Nullable @Size(max = 255) String name,
                       @Nullable @Size(max = 255) @Email String email,
                       @Nullable @Size(max = 255) String phone,
                       @Nullable @Size(max = 255) String description,
                       @Nullable @Size(max = 255) String phoneCountryCode,
                       @Nullable @Shape(Shape.Kind.OBJECT) JsonNode address,
                       @Nullable Map<String, String> metadata,
                       @Nullable @Size(max = 255) String taxRegistrationId) {
}
