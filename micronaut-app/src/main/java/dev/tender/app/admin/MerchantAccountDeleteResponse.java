package dev.tender.app.admin;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Hyperswitch's {@code MerchantAccountDeleteResponse}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MerchantAccountDeleteResponse(String merchantId, boolean deleted) {
}
