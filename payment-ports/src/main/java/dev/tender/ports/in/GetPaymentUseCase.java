package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.control.Either;

@FunctionalInterface
public interface GetPaymentUseCase {

    /** Another merchant's payment is not found, never shown. */
    Either<ApplicationError, Payment> get(MerchantId merchantId, PaymentId paymentId);
}
