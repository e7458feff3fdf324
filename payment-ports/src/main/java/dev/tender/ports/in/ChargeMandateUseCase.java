package dev.tender.ports.in;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** A merchant-initiated charge on an active mandate, created and confirmed in one step. */
@FunctionalInterface
public interface ChargeMandateUseCase {

    Either<ApplicationError, Payment> charge(Command command);

    record Command(MerchantId merchantId, MandateId mandateId, Money amount, CaptureMethod captureMethod,
                   Option<String> idempotencyKey) {
    }
}
