package dev.tender.application;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.VerifyRedirectUseCase;
import dev.tender.ports.out.IdempotencyKeys;
import dev.tender.ports.out.RedirectSecrets;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;

/**
 * The customer is back from a redirect. The parameters Tender signed into the return URL are checked
 * (signature, age, that they name this merchant and payment) and the redirect is recorded as used, so
 * it cannot be replayed; the rest, added by the processor's page, go to the connector to complete the
 * authorization.
 */
public final class RedirectService implements VerifyRedirectUseCase {

    private static final Set<String> SIGNED = HashSet.of(ReturnUrls.PAYMENT_ID, ReturnUrls.MERCHANT_ID,
            RedirectSignatures.ISSUED_AT, RedirectSignatures.NONCE, RedirectSignatures.SIGNATURE);

    private final RedirectSignatures signatures;
    private final RedirectSecrets secrets;
    private final IdempotencyKeys used;
    private final PaymentService payments;
    private final Clock clock;

    RedirectService(RedirectSignatures signatures, RedirectSecrets secrets, IdempotencyKeys used,
                    PaymentService payments, Clock clock) {
        this.signatures = signatures;
        this.secrets = secrets;
        this.used = used;
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public Either<ApplicationError, Payment> verify(MerchantId merchantId, PaymentId paymentId,
                                                    Map<String, String> parameters) {
        Map<String, String> signed = parameters.filterKeys(SIGNED::contains);
        return signatures.verify(secrets.secretFor(merchantId), signed, clock.now())
                .<ApplicationError>mapLeft(rejected -> new ApplicationError.RedirectRejected(rejected.message()))
                .filterOrElse(v -> v.parameters().get(ReturnUrls.PAYMENT_ID).contains(paymentId.value())
                                && v.parameters().get(ReturnUrls.MERCHANT_ID).contains(merchantId.value()),
                        v -> new ApplicationError.RedirectRejected("the redirect was issued for another payment"))
                .flatMap(verified -> used.claim(merchantId, "redirect:" + verified.replayKey(), "redirect",
                        clock.now()) instanceof IdempotencyKeys.Claim.Claimed
                        ? Either.right(verified)
                        : Either.left(new ApplicationError.RedirectRejected("the redirect was used already")))
                .flatMap(verified -> {
                    used.complete(merchantId, "redirect:" + verified.replayKey(), "used");
                    return payments.completeAuthorization(merchantId, paymentId,
                            parameters.filterKeys(key -> !SIGNED.contains(key)));
                });
    }
}
