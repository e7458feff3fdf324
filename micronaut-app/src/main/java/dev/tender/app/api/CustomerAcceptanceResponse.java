package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tender.domain.payment.CustomerAcceptance;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/** Hyperswitch's {@code CustomerAcceptance}: how and when the customer accepted a mandate. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomerAcceptanceResponse(String acceptanceType, Instant acceptedAt, @Nullable Online online) {

    /** Hyperswitch's {@code OnlineMandate}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Online(@Nullable String ipAddress, @Nullable String userAgent) {
    }

    static CustomerAcceptanceResponse of(CustomerAcceptance acceptance) {
        boolean online = acceptance.ipAddress().isDefined() || acceptance.userAgent().isDefined();
        return new CustomerAcceptanceResponse(acceptance.acceptanceType(), acceptance.acceptedAt(), online
                ? new Online(acceptance.ipAddress().getOrNull(), acceptance.userAgent().getOrNull()) : null);
    }
}
