package dev.tender.app.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Hyperswitch's {@code CustomerDeleteResponse}: the customer's personal data is redacted, its address with it;
 * it has no saved payment methods to delete, so all three are true as Hyperswitch answers them.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CustomerDeleteResponse(String customerId, boolean customerDeleted, boolean addressDeleted,
                                     boolean paymentMethodsDeleted) {
}
