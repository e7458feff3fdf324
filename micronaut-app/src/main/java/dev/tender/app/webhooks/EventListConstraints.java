package dev.tender.app.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /events/{merchant_id}}: Hyperswitch's {@code EventListConstraints}. */
@Serdeable(naming = SnakeCaseStrategy.class)
record EventListConstraints(@Nullable String createdAfter, @Nullable String createdBefore,
                            @Nullable @Min(0) @Max(EventListConstraints.MAX_LIMIT) Long limit,
                            @Nullable @Min(0) @Max(Integer.MAX_VALUE) Long offset,
                            @Nullable @Size(max = 64) String objectId,
                            @Nullable @Size(max = 64) String eventId, @Nullable @Size(max = 64) String profileId,
                            @Nullable @Size(max = 10) List<String> eventClasses,
                            @Nullable @Size(max = 40) List<String> eventTypes, @Nullable Boolean isDelivered) {

    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 10;
}
