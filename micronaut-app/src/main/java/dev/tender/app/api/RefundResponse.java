package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/**
 * A refund, as Hyperswitch's {@code RefundResponse}, every field in its order (null when unknown);
 * status is succeeded, failed, pending or review. {@code metadata} and {@code split_refunds} are as the
 * refund request sent them.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RefundResponse(String refundId, String paymentId, long amount, String currency, String status,
                             @Nullable String reason, @Nullable JsonNode metadata, @Nullable String errorMessage,
                             @Nullable String errorCode, @Nullable String unifiedCode, @Nullable String unifiedMessage,
                             Instant createdAt, Instant updatedAt, @Nullable String connector,
                             @Nullable String profileId, @Nullable String merchantConnectorId,
                             @Nullable JsonNode splitRefunds, @Nullable String issuerErrorCode,
                             @Nullable String issuerErrorMessage, @Nullable String rawConnectorResponse) {
}
