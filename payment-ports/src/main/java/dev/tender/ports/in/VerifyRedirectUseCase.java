package dev.tender.ports.in;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.Map;
import io.vavr.control.Either;

/**
 * The customer's browser is back from a redirect: verify the signed parameters (forged, tampered,
 * stale and replayed redirects are refused), then complete or fail the authorization.
 */
@FunctionalInterface
public interface VerifyRedirectUseCase {

    Either<ApplicationError, Payment> verify(MerchantId merchantId, PaymentId paymentId, Map<String, String> parameters);
}
