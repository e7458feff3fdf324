package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.Map;

/** A refund, as Hyperswitch's {@code RefundResponse}; status is succeeded, failed, pending or review. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RefundResponse(String refundId, String paymentId, long amount, String currency, String status,
                             @Nullable String reason, @Nullable Map<String, String> metadata,
                             @Nullable String errorCode, @Nullable String errorMessage, Instant createdAt,
                             Instant updatedAt, @Nullable String connector, @Nullable String merchantConnectorId) {
}
