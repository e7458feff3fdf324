package dev.tender.app.api;

import dev.tender.app.http.Shape;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;

/** {@code payment_method_data}: a card (the only method the API takes); a billing address is accepted and not used. */
@Serdeable
public record PaymentMethodDataRequest(@Nullable @Valid CardRequest card,
                                       @Nullable @Shape(Shape.Kind.OBJECT) JsonNode billing) {
}
