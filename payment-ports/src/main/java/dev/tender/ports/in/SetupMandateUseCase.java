package dev.tender.ports.in;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Set up a mandate: a payment (of zero, or of an amount charged now) with the customer's acceptance;
 * the mandate is active once the connector approves.
 */
@FunctionalInterface
public interface SetupMandateUseCase {

    Either<ApplicationError, Result> setup(Command command);

    record Command(MerchantId merchantId, String customerId, Money amount, CaptureMethod captureMethod,
                   PaymentMethodData paymentMethod, MandateSetup mandate, Option<String> idempotencyKey) {
    }

    /** The setup payment, and the mandate once active (empty while the setup is pending or declined). */
    record Result(Payment payment, Option<Mandate> mandate) {
    }
}
