package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** POST /payments/{payment_id}/cancel and /cancel_post_capture. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PaymentsCancelRequest(@Nullable String cancellationReason) {

    static PaymentsCancelRequest read(JsonBody body) {
        return new PaymentsCancelRequest(body.string("cancellation_reason", 255));
    }
}
