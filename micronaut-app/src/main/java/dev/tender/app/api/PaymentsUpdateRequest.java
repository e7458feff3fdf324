package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;

/**
 * POST /payments/{payment_id}, as Hyperswitch's {@code PaymentsUpdateRequest}: changes before confirm;
 * the currency cannot change. Fields not read here are kept and echoed ({@link PaymentRequestFields}).
 */
record PaymentsUpdateRequest(@Nullable Long amount, @Nullable String currency, @Nullable String paymentMethod,
                             @Nullable PaymentMethodDataRequest paymentMethodData, @Nullable String clientSecret,
                             PaymentRequestCommon common) {

    static PaymentsUpdateRequest read(JsonBody body) {
        body.ignore("payment_id", "confirm"); // the path names the payment; confirming is /confirm's
        return new PaymentsUpdateRequest(body.integer("amount"), body.string("currency"),
                body.string("payment_method"), PaymentMethodDataRequest.read(body, "payment_method_data"),
                body.string("client_secret"), PaymentRequestCommon.read(body));
    }
}
