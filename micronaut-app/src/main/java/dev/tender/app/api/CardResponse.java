package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * {@code payment_method_data.card} of a response: network, BIN, last four, expiry and holder — what is
 * kept of a card; never its number or CVC. {@code last4_digits} repeats {@code last4} (Hyperswitch's name
 * in payment-method lists).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CardResponse(@Nullable String cardNetwork, String cardIsin, String last4, String last4Digits,
                           String cardExpMonth, String cardExpYear, @Nullable String cardHolderName) {
}
