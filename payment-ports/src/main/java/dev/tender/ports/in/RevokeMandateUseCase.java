package dev.tender.ports.in;

import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import io.vavr.control.Either;

@FunctionalInterface
public interface RevokeMandateUseCase {

    Either<ApplicationError, Mandate> revoke(MerchantId merchantId, MandateId mandateId);
}
