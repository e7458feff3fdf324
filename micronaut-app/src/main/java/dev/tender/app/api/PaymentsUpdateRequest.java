package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;

/**
 * POST /payments/{payment_id}, as Hyperswitch's {@code PaymentsUpdateRequest}: changes before confirm;
 * the currency cannot change; with {@code confirm: true} the payment is confirmed after the changes. Fields not read here are kept and echoed ({@link PaymentRequestFields}).
 */
record PaymentsUpdateRequest(@Nullable Long amount, @Nullable String currency, @Nullable String paymentMethod,
                             @Nullable PaymentMethodDataRequest paymentMethodData, @Nullable String clientSecret,
                             @Nullable Boolean confirm, PaymentRequestCommon common) {

    static PaymentsUpdateRequest read(JsonBody body) {
        body.ignore("payment_id"); // the path names the payment
        return new PaymentsUpdateRequest(body.integer("amount"), body.string("currency"),
                body.string("payment_method"), PaymentMethodDataRequest.read(body, "payment_method_data"),
                body.string("client_secret"), body.bool("confirm"), PaymentRequestCommon.read(body));
    }
}
