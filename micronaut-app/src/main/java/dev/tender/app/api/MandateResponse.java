package dev.tender.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Hyperswitch's {@code MandateResponse}, every field, null when Tender knows nothing of it. The payment
 * method is the one the mandate was set up with. {@code payment_method_id} (required by the schema) is the
 * mandate's own id: Tender keeps a stored payment method only as its mandate, and takes that id back in
 * {@code recurring_details} of type {@code payment_method_id}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MandateResponse(String mandateId, String status, @Nullable String paymentMethodId,
                              @Nullable String paymentMethod, @Nullable String paymentMethodType,
                              @Nullable MandateCardDetails card,
                              @Nullable CustomerAcceptanceResponse customerAcceptance) {

    /**
     * Hyperswitch's {@code MandateCardDetails}: what is kept of the card (network, BIN, last four, expiry,
     * holder), never its number; {@code scheme} repeats the network.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MandateCardDetails(@Nullable String last4Digits, @Nullable String cardExpMonth,
                                     @Nullable String cardExpYear, @Nullable String cardHolderName,
                                     @Nullable String cardToken, @Nullable String scheme,
                                     @Nullable String issuerCountry, @Nullable String cardFingerprint,
                                     @Nullable String cardIsin, @Nullable String cardIssuer,
                                     @Nullable String cardNetwork, @Nullable String cardType,
                                     @Nullable String nickName) {
    }
}
