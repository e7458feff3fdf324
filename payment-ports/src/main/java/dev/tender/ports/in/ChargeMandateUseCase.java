package dev.tender.ports.in;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** A merchant-initiated charge on an active mandate, created and confirmed in one step. */
@FunctionalInterface
public interface ChargeMandateUseCase {

    Either<ApplicationError, Payment> charge(Command command);

    record Command(MerchantId merchantId, MandateId mandateId, Money amount, CaptureMethod captureMethod,
                   Option<String> idempotencyKey) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String mandateId, Long amount,
                                                              String currency, String captureMethod,
                                                              String idempotencyKey) {
            Validation<FieldError, MandateId> mandate = mandateId == null
                    ? Validation.invalid(new FieldError("mandate_id", "is required"))
                    : io.vavr.control.Try.of(() -> MandateId.of(mandateId))
                    .toValidation(e -> new FieldError("mandate_id", e.getMessage()));
            return Validation.combine(Fields.merchant(merchantId), mandate,
                            Fields.currency(currency).flatMap(c -> Fields.positiveAmount("amount", amount, c)),
                            Fields.captureMethod(captureMethod))
                    .ap((merchant, id, money, method) -> new Command(merchant, id, money, method,
                            Option.of(idempotencyKey)));
        }
    }
}
