package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** Cancel a payment (void its authorization, or what is left of it). */
@FunctionalInterface
public interface VoidPaymentUseCase {

    Either<ApplicationError, Payment> cancel(Command command);

    record Command(MerchantId merchantId, PaymentId paymentId, Option<String> reason, Option<String> idempotencyKey) {

        public static Validation<Seq<FieldError>, Command> of(String merchantId, String paymentId,
                                                              String cancellationReason, String idempotencyKey) {
            return Validation.combine(Fields.merchant(merchantId), Fields.payment(paymentId))
                    .ap((merchant, payment) -> new Command(merchant, payment, Option.of(cancellationReason),
                            Option.of(idempotencyKey)));
        }
    }
}
