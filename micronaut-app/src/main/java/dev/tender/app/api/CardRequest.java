package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Size;

/**
 * {@code payment_method_data.card} of a request, every property of Hyperswitch's {@code Card}; the issuer,
 * network, type, country, bank code and nickname are taken and not used. Its {@link #toString()} never shows
 * the number or the CVC.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CardRequest(@Nullable String cardNumber, @Nullable String cardExpMonth, @Nullable String cardExpYear,
                          @Nullable String cardCvc, @Nullable @Size(max = 255) String cardHolderName,
                          @Nullable String cardIssuer, @Nullable String cardNetwork, @Nullable String cardType,
                          @Nullable String cardIssuingCountry, @Nullable String bankCode, @Nullable String nickName) {

    @Override
    public String toString() {
        return "CardRequest[number ***, expiry " + cardExpMonth + "/" + cardExpYear + ", cvc ***]";
    }
}
