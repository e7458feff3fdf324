package dev.tender.ports.in;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

@FunctionalInterface
public interface CapturePaymentUseCase {

    Either<ApplicationError, Payment> capture(Command command);

    /** @param amount empty: everything capturable */
    record Command(MerchantId merchantId, PaymentId paymentId, Option<Money> amount, boolean finalCapture,
                   Option<String> idempotencyKey) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId, Long amount,
                                                              String currency, boolean finalCapture,
                                                              String idempotencyKey) {
            Validation<FieldError, Option<Money>> money = amount == null
                    ? Validation.valid(Option.none())
                    : Fields.currency(currency).flatMap(c -> Fields.positiveAmount("amount_to_capture", amount, c))
                    .map(Option::some);
            return Validation.combine(Fields.merchant(merchantId), Fields.payment(paymentId), money)
                    .ap((merchant, payment, m) -> new Command(merchant, payment, m, finalCapture,
                            Option.of(idempotencyKey)));
        }
    }
}
