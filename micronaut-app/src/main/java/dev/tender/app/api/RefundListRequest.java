package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * POST /refunds/list, as Hyperswitch's {@code RefundListRequest}: filters by payment, refund, time range
 * ({@code start_time} inclusive, {@code end_time} inclusive), currencies and statuses; {@code limit}
 * (1–100, default 10) and {@code offset} page it.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RefundListRequest(@Nullable String paymentId, @Nullable String refundId, @Nullable Long limit,
                                @Nullable Long offset, @Nullable String startTime, @Nullable String endTime,
                                @Nullable List<String> currency, @Nullable List<String> refundStatus) {

    static RefundListRequest read(JsonBody body) {
        body.ignore("profile_id");
        return new RefundListRequest(body.string("payment_id"), body.string("refund_id"), body.integer("limit"),
                body.integer("offset"), body.string("start_time"), body.string("end_time"),
                body.strings("currency"), body.strings("refund_status"));
    }
}
