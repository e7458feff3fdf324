package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** POST /payments/{payment_id}/confirm. Card numbers are never stored: the card comes with the confirm. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PaymentsConfirmRequest(@Nullable String paymentMethod,
                                     @Nullable PaymentMethodDataRequest paymentMethodData,
                                     @Nullable String returnUrl) {

    static PaymentsConfirmRequest read(JsonBody body) {
        body.ignore(PaymentsCreateRequest.IGNORED);
        body.ignore("confirm");
        return new PaymentsConfirmRequest(body.string("payment_method"),
                PaymentMethodDataRequest.read(body, "payment_method_data"), body.string("return_url"));
    }
}
