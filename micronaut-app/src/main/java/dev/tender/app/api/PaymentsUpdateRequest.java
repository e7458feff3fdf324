package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;

/** POST /payments/{payment_id}: changes before confirm. The currency cannot change. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PaymentsUpdateRequest(@Nullable Long amount, @Nullable String currency, @Nullable String captureMethod,
                                    @Nullable String customerId, @Nullable String paymentMethod,
                                    @Nullable PaymentMethodDataRequest paymentMethodData,
                                    @Nullable Map<String, String> metadata, @Nullable String returnUrl,
                                    @Nullable String description) {

    static PaymentsUpdateRequest read(JsonBody body) {
        body.ignore(PaymentsCreateRequest.IGNORED);
        return new PaymentsUpdateRequest(body.integer("amount"), body.string("currency"),
                body.string("capture_method"), body.string("customer_id"), body.string("payment_method"),
                PaymentMethodDataRequest.read(body, "payment_method_data"), body.metadata("metadata"),
                body.string("return_url"), body.string("description", 1000));
    }
}
