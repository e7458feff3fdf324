package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/**
 * Hyperswitch's {@code MandateData} of a setup: the acceptance, and the type ({@code single_use} or
 * {@code multi_use}, the only key of {@code mandate_type}) with its amount limit, null when it has none.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MandateDataResponse(@Nullable String updateMandateId, CustomerAcceptanceResponse customerAcceptance,
                                  Map<String, MandateAmountData> mandateType) {

    /** Hyperswitch's {@code MandateAmountData}; {@code metadata} as the request sent it. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MandateAmountData(long amount, String currency, @Nullable String startDate,
                                    @Nullable String endDate, @Nullable JsonNode metadata) {
    }
}
