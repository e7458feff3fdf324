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
public interface IncrementAuthorizationUseCase {

    Either<ApplicationError, Payment> increment(Command command);

    /** @param newTotal the new authorized total, above the current one */
    record Command(MerchantId merchantId, PaymentId paymentId, Money newTotal, Option<String> idempotencyKey) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId, Long amount,
                                                              String currency, String idempotencyKey) {
            return Validation.combine(Fields.merchant(merchantId), Fields.payment(paymentId),
                            Fields.currency(currency).flatMap(c -> Fields.positiveAmount("amount", amount, c)))
                    .ap((merchant, payment, total) -> new Command(merchant, payment, total,
                            Option.of(idempotencyKey)));
        }
    }
}
