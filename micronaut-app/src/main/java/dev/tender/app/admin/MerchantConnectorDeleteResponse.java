package dev.tender.app.admin;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Hyperswitch's {@code MerchantConnectorDeleteResponse}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MerchantConnectorDeleteResponse(String merchantId, String merchantConnectorId, boolean deleted) {
}
