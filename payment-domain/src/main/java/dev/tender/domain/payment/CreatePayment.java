package dev.tender.domain.payment;

import dev.tender.domain.money.Money;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * @param authorizationValidity how long an uncaptured authorization holds before it lapses
 *                              (card schemes: typically 7 days; {@link #DEFAULT_AUTHORIZATION_VALIDITY})
 */
public record CreatePayment(PaymentId id, MerchantId merchantId, Money amount, CaptureMethod captureMethod,
                            Option<PaymentMethod> paymentMethod, Option<String> customerId,
                            Option<MandateSetup> mandateSetup, Map<String, String> metadata,
                            Duration authorizationValidity, Instant at) {

    public static final Duration DEFAULT_AUTHORIZATION_VALIDITY = Duration.ofDays(7);

    public CreatePayment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(captureMethod, "captureMethod");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(mandateSetup, "mandateSetup");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(authorizationValidity, "authorizationValidity");
        Objects.requireNonNull(at, "at");
    }

    /** The common case: no customer, no mandate, no metadata, the default authorization validity. */
    public static CreatePayment of(PaymentId id, MerchantId merchantId, Money amount, CaptureMethod captureMethod,
                                   Option<PaymentMethod> paymentMethod, Instant at) {
        return new CreatePayment(id, merchantId, amount, captureMethod, paymentMethod, Option.none(), Option.none(),
                LinkedHashMap.empty(), DEFAULT_AUTHORIZATION_VALIDITY, at);
    }

    public CreatePayment withCustomer(String customer) {
        return new CreatePayment(id, merchantId, amount, captureMethod, paymentMethod, Option.of(customer),
                mandateSetup, metadata, authorizationValidity, at);
    }

    public CreatePayment withMandateSetup(MandateSetup setup) {
        return new CreatePayment(id, merchantId, amount, captureMethod, paymentMethod, customerId, Option.of(setup),
                metadata, authorizationValidity, at);
    }

    public CreatePayment withAuthorizationValidity(Duration validity) {
        return new CreatePayment(id, merchantId, amount, captureMethod, paymentMethod, customerId, mandateSetup,
                metadata, validity, at);
    }

    public CreatePayment withMetadata(Map<String, String> newMetadata) {
        return new CreatePayment(id, merchantId, amount, captureMethod, paymentMethod, customerId, mandateSetup,
                newMetadata, authorizationValidity, at);
    }
}
