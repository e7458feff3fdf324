package dev.tender.app.api;

import dev.tender.app.http.Shape;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The objects of a payment request that set up or charge a mandate, as Hyperswitch's schema has them:
 * {@code customer_acceptance}, {@code mandate_data} and {@code recurring_details}. Their rules, which depend on
 * one another, are {@link MandateRequest}'s.
 */
final class MandateFieldsRequest {

    private MandateFieldsRequest() {
    }

    /** {@code CustomerAcceptance}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Acceptance(@Nullable String acceptanceType, @Nullable String acceptedAt, @Nullable @Valid Online online) {
    }

    /** {@code OnlineMandate}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Online(@Nullable String ipAddress,
                  @Nullable @Size(max = MandateRequest.USER_AGENT_LENGTH) String userAgent) {
    }

    /** {@code MandateData}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record MandateData(@Nullable String updateMandateId, @Nullable @Valid Acceptance customerAcceptance,
                       @Nullable MandateTypeRequest mandateType) {
    }

    /** {@code MandateType}: one of the two, {@code multi_use} possibly null (a mandate without a limit). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record MandateTypeRequest(@Nullable AmountData singleUse, @Nullable AmountData multiUse) {
    }

    /** {@code MandateAmountData}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record AmountData(@Nullable Long amount, @Nullable String currency, @Nullable String startDate,
                      @Nullable String endDate, @Nullable @Shape(Shape.Kind.OBJECT) JsonNode metadata) {
    }

    /** {@code RecurringDetails}: a type and its data (a string for a mandate's or payment method's id). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record RecurringDetails(@Nullable String type, @Nullable @Shape(Shape.Kind.ANY) JsonNode data) {
    }
}
