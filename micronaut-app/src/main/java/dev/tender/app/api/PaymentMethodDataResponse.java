package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record PaymentMethodDataResponse(CardResponse card) {
}
