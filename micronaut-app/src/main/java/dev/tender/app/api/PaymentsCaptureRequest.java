package dev.tender.app.api;

import dev.tender.app.http.Shape;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * POST /payments/{payment_id}/capture, Hyperswitch's {@code PaymentsCaptureRequest}; without
 * {@code amount_to_capture}, everything capturable. The other properties are taken and not used.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PaymentsCaptureRequest(@Nullable Long amountToCapture, @Nullable String merchantId,
                                     @Nullable Boolean refundUncapturedAmount,
                                     @Nullable String statementDescriptorSuffix,
                                     @Nullable String statementDescriptorPrefix, @Nullable Boolean allKeysRequired,
                                     @Nullable @Shape(Shape.Kind.OBJECT) JsonNode merchantConnectorDetails) {
}
