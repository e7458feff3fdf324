package dev.tender.app.api;

import dev.tender.app.http.Shape;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * POST /refunds, as Hyperswitch's {@code RefundRequest}; without {@code amount}, all that is still
 * refundable. {@code metadata} is checked as a payment's is; {@code merchant_id}, when sent, must be the
 * caller's; the other fields are kept and echoed where {@code RefundResponse} has them ({@link #KEPT}).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record RefundRequest(@Nullable String paymentId, @Nullable String refundId, @Nullable Long amount,
                     @Nullable @Size(max = 255) String reason, @Nullable Map<String, String> metadata,
                     @Nullable String merchantId, @Nullable String refundType,
                     @Nullable @Shape(Shape.Kind.OBJECT) JsonNode merchantConnectorDetails,
                     @Nullable @Shape(Shape.Kind.OBJECT) JsonNode splitRefunds, @Nullable Boolean allKeysRequired) {

    /** The properties kept as sent. */
    static final List<String> KEPT = List.of("refund_type", "merchant_connector_details", "split_refunds",
            "all_keys_required");
}
