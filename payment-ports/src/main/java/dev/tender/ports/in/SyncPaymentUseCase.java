package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.control.Either;

/** Ask the connector about every open transaction of the payment and apply what it says (force sync). */
@FunctionalInterface
public interface SyncPaymentUseCase {

    Either<ApplicationError, Payment> sync(MerchantId merchantId, PaymentId paymentId);
}
