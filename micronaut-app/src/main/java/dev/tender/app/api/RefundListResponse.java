package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** POST /refunds/list: {@code count} on this page, {@code total_count} matching the filters. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record RefundListResponse(int count, long totalCount, List<RefundResponse> data) {
}
