package dev.tender.ports.in;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** A merchant-initiated charge on an active mandate, created and confirmed in one step. */
@FunctionalInterface
public interface ChargeMandateUseCase {

    Either<ApplicationError, Payment> charge(Command command);

    /**
     * @param paymentId  the caller's id for the charge, or generated when empty
     * @param customerId when given, must be the mandate's customer
     */
    record Command(MerchantId merchantId, MandateId mandateId, Money amount, CaptureMethod captureMethod,
                   Option<PaymentId> paymentId, Option<String> customerId, Map<String, String> metadata,
                   Option<String> idempotencyKey) {

        /** A charge with a generated id, no customer to check and no metadata. */
        public Command(MerchantId merchantId, MandateId mandateId, Money amount, CaptureMethod captureMethod,
                       Option<String> idempotencyKey) {
            this(merchantId, mandateId, amount, captureMethod, Option.none(), Option.none(), LinkedHashMap.empty(),
                    idempotencyKey);
        }

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String mandateId, Long amount,
                                                              String currency, String captureMethod,
                                                              String idempotencyKey) {
            return of(merchantId, null, mandateId, amount, currency, captureMethod, null, null, idempotencyKey);
        }

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId, String mandateId,
                                                              Long amount, String currency, String captureMethod,
                                                              String customerId, Map<String, String> metadata,
                                                              String idempotencyKey) {
            Validation<FieldError, MandateId> mandate = mandateId == null
                    ? Validation.invalid(new FieldError("mandate_id", "is required"))
                    : io.vavr.control.Try.of(() -> MandateId.of(mandateId))
                    .toValidation(e -> new FieldError("mandate_id", e.getMessage()));
            return Validation.combine(Fields.merchant(merchantId), Fields.optionalPayment(paymentId), mandate,
                            Fields.currency(currency).flatMap(c -> Fields.positiveAmount("amount", amount, c)),
                            Fields.captureMethod(captureMethod))
                    .ap((merchant, payment, id, money, method) -> new Command(merchant, id, money, method, payment,
                            Option.of(customerId), metadata == null ? LinkedHashMap.empty() : metadata,
                            Option.of(idempotencyKey)));
        }
    }
}
