package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * POST /refunds/list, as Hyperswitch's {@code RefundListRequest}: filters by payment, refund, time range
 * ({@code start_time} inclusive, {@code end_time} inclusive), currencies, statuses, amount
 * ({@code amount_filter}: {@code start_amount} / {@code end_amount}, inclusive), connectors and connector
 * accounts, and profile; {@code limit} (1–100, default 10) and {@code offset} page it.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RefundListRequest(@Nullable String paymentId, @Nullable String refundId, @Nullable Long limit,
                                @Nullable Long offset, @Nullable String startTime, @Nullable String endTime,
                                @Nullable List<String> currency, @Nullable List<String> refundStatus,
                                @Nullable AmountFilter amountFilter, @Nullable List<String> connector,
                                @Nullable List<String> merchantConnectorId, @Nullable String profileId) {

    /** {@code amount_filter}: both bounds inclusive. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record AmountFilter(@Nullable Long startAmount, @Nullable Long endAmount) {
    }

    @Nullable
    Long startAmount() {
        return amountFilter == null ? null : amountFilter.startAmount();
    }

    @Nullable
    Long endAmount() {
        return amountFilter == null ? null : amountFilter.endAmount();
    }
}
