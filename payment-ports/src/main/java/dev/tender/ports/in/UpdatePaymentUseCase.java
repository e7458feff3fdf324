package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.UpdatePayment;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Change a payment before it is confirmed. */
@FunctionalInterface
public interface UpdatePaymentUseCase {

    Either<ApplicationError, Payment> update(Command command);

    /** {@code changes} carries the new values; the time in it is replaced by the service's clock. */
    record Command(MerchantId merchantId, PaymentId paymentId, UpdatePayment changes,
                   Option<PaymentMethodData> paymentMethod, Option<String> idempotencyKey) {
    }
}
