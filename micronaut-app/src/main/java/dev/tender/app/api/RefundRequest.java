package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** POST /refunds; without {@code amount}, all that is still refundable. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RefundRequest(@Nullable String paymentId, @Nullable String refundId, @Nullable Long amount,
                            @Nullable String reason) {

    static RefundRequest read(JsonBody body) {
        body.ignore("merchant_id", "refund_type", "all_keys_required");
        return new RefundRequest(body.string("payment_id"), body.string("refund_id"), body.integer("amount"),
                body.string("reason", 255));
    }
}
