package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;

/**
 * POST /payments, as Hyperswitch's router reads it ({@code PaymentsRequest}): every field of it is accepted;
 * the ones read here are used, the others are checked for their kind, kept and echoed
 * ({@link PaymentRequestFields}); a field the schema does not have is refused.
 */
record PaymentsCreateRequest(@Nullable Long amount, @Nullable String currency, @Nullable Boolean confirm,
                             @Nullable String paymentId, @Nullable Long amountToCapture,
                             @Nullable String paymentMethod, @Nullable PaymentMethodDataRequest paymentMethodData,
                             PaymentRequestCommon common) {

    static PaymentsCreateRequest read(JsonBody body) {
        body.ignore("client_secret"); // a payment gets its own; Hyperswitch's create ignores one sent
        return new PaymentsCreateRequest(body.integer("amount"), body.string("currency"), body.bool("confirm"),
                body.string("payment_id"), body.integer("amount_to_capture"), body.string("payment_method"),
                PaymentMethodDataRequest.read(body, "payment_method_data"), PaymentRequestCommon.readCreate(body));
    }
}
