package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code payment_method_data}: a card (the only method the API takes); a billing address is accepted and not used. */
@Serdeable
public record PaymentMethodDataRequest(@Nullable CardRequest card) {

    @Nullable
    static PaymentMethodDataRequest read(JsonBody body, String name) {
        JsonBody data = body.object(name);
        if (data == null) {
            return null;
        }
        data.ignore("billing");
        JsonBody card = data.object("card");
        return new PaymentMethodDataRequest(card == null ? null : CardRequest.read(card));
    }
}
