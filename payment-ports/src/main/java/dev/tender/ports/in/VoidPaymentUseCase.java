package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Cancel a payment (void its authorization, or what is left of it). */
@FunctionalInterface
public interface VoidPaymentUseCase {

    Either<ApplicationError, Payment> cancel(Command command);

    record Command(MerchantId merchantId, PaymentId paymentId, Option<String> reason, Option<String> idempotencyKey) {
    }
}
