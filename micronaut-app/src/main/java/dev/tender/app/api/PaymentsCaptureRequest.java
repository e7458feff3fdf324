package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** POST /payments/{payment_id}/capture; without {@code amount_to_capture}, everything capturable. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PaymentsCaptureRequest(@Nullable Long amountToCapture) {

    static PaymentsCaptureRequest read(JsonBody body) {
        body.ignore("merchant_id", "refund_uncaptured_amount", "statement_descriptor_suffix",
                "statement_descriptor_prefix", "all_keys_required", "merchant_connector_details");
        return new PaymentsCaptureRequest(body.integer("amount_to_capture"));
    }
}
