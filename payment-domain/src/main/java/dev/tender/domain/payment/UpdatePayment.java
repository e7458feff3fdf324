package dev.tender.domain.payment;

import dev.tender.domain.money.Money;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/** Fields to replace before confirm; an empty option leaves the field as it is. */
public record UpdatePayment(Option<Money> amount, Option<CaptureMethod> captureMethod,
                            Option<PaymentMethod> paymentMethod, Option<String> customerId,
                            Option<Map<String, String>> metadata, Instant at) {
    public UpdatePayment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(captureMethod, "captureMethod");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(at, "at");
    }

    public static UpdatePayment nothing(Instant at) {
        return new UpdatePayment(Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), at);
    }

    public UpdatePayment amount(Money newAmount) {
        return new UpdatePayment(Option.of(newAmount), captureMethod, paymentMethod, customerId, metadata, at);
    }

    public UpdatePayment captureMethod(CaptureMethod method) {
        return new UpdatePayment(amount, Option.of(method), paymentMethod, customerId, metadata, at);
    }

    public UpdatePayment paymentMethod(PaymentMethod method) {
        return new UpdatePayment(amount, captureMethod, Option.of(method), customerId, metadata, at);
    }

    public UpdatePayment metadata(Map<String, String> newMetadata) {
        return new UpdatePayment(amount, captureMethod, paymentMethod, customerId, Option.of(newMetadata), at);
    }
}
