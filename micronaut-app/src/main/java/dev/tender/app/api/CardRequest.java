package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code payment_method_data.card} of a request. Its {@link #toString()} never shows the number or the CVC. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CardRequest(@Nullable String cardNumber, @Nullable String cardExpMonth, @Nullable String cardExpYear,
                          @Nullable String cardCvc, @Nullable String cardHolderName) {

    static CardRequest read(JsonBody card) {
        card.ignore("card_issuer", "card_network", "card_type", "card_issuing_country", "bank_code", "nick_name");
        return new CardRequest(card.string("card_number"), card.string("card_exp_month"),
                card.string("card_exp_year"), card.string("card_cvc"), card.string("card_holder_name", 255));
    }

    @Override
    public String toString() {
        return "CardRequest[number ***, expiry " + cardExpMonth + "/" + cardExpYear + ", cvc ***]";
    }
}
