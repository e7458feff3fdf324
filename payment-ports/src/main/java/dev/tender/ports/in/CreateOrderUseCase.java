package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** Create the processor-side order the authorization will carry. */
@FunctionalInterface
public interface CreateOrderUseCase {

    Either<ApplicationError, Payment> createOrder(Command command);

    record Command(MerchantId merchantId, PaymentId paymentId, Option<String> idempotencyKey) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId,
                                                              String idempotencyKey) {
            return Validation.combine(Fields.merchant(merchantId), Fields.payment(paymentId))
                    .ap((merchant, payment) -> new Command(merchant, payment, Option.of(idempotencyKey)));
        }
    }
}
