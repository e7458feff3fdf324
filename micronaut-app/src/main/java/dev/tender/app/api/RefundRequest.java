package dev.tender.app.api;

import dev.tender.app.api.PaymentRequestFields.Kind;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * POST /refunds, as Hyperswitch's {@code RefundRequest}; without {@code amount}, all that is still
 * refundable. {@code metadata} is checked as a payment's is; {@code merchant_id}, when sent, must be the
 * caller's; the other fields are kept and echoed where {@code RefundResponse} has them.
 */
record RefundRequest(@Nullable String paymentId, @Nullable String refundId, @Nullable Long amount,
                     @Nullable String reason, @Nullable Map<String, String> metadata, @Nullable String merchantId) {

    /** The fields of the schema this request does not read, with their kinds. */
    static final Map<String, Kind> KEPT = Map.of("refund_type", Kind.STRING,
            "merchant_connector_details", Kind.OBJECT, "split_refunds", Kind.OBJECT, "all_keys_required", Kind.BOOLEAN);

    static RefundRequest read(JsonBody body) {
        return new RefundRequest(body.string("payment_id"), body.string("refund_id"), body.integer("amount"),
                body.string("reason", 255), body.metadata("metadata"), body.string("merchant_id"));
    }
}
