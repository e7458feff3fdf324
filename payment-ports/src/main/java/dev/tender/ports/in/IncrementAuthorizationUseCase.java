package dev.tender.ports.in;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.control.Either;
import io.vavr.control.Option;

@FunctionalInterface
public interface IncrementAuthorizationUseCase {

    Either<ApplicationError, Payment> increment(Command command);

    /** @param newTotal the new authorized total, above the current one */
    record Command(MerchantId merchantId, PaymentId paymentId, Money newTotal, Option<String> idempotencyKey) {
    }
}
