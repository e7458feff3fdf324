package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Create the processor-side order the authorization will carry. */
@FunctionalInterface
public interface CreateOrderUseCase {

    Either<ApplicationError, Payment> createOrder(Command command);

    record Command(MerchantId merchantId, PaymentId paymentId, Option<String> idempotencyKey) {
    }
}
