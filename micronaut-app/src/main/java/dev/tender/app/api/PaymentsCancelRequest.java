package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Size;

/** POST /payments/{payment_id}/cancel and /cancel_post_capture. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PaymentsCancelRequest(@Nullable @Size(max = 255) String cancellationReason) {
}
