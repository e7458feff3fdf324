package dev.tender.application;

import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.Transaction;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.VerifyRedirectUseCase;
import dev.tender.ports.out.IdempotencyKeys;
import dev.tender.ports.out.RedirectSecrets;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;

/**
 * The customer is back from a redirect. The signature must cover the merchant, payment and connector
 * the return URL's path names and be fresh; the payment must be waiting for the customer; and the
 * return must not have been used for the step the payment waits on. Only then do the parameters the
 * processor's page added go to the connector, which completes or fails the authorization. A refused
 * return changes nothing.
 *
 * <p><b>One return per step, each answer once.</b> The processor is given one return URL per authorization
 * and may send the customer back to it after each step (3DS2: the fingerprint, then the challenge). So a
 * verified return is recorded as used twice over: for the step the payment waits on (its redirect), and
 * for the answer it carries (the processor's parameters). A second return during the same step, any return
 * once the payment no longer waits, and an earlier step's answer brought again during a later step are
 * refused. A processor that answers two steps with the very same parameters therefore gets its second
 * return refused; the merchant can still complete that one with {@code complete_authorize}.
 */
public final class RedirectService implements VerifyRedirectUseCase {

    private static final Set<String> SIGNATURE = HashSet.of(RedirectSignatures.ISSUED_AT, RedirectSignatures.NONCE,
            RedirectSignatures.SIGNATURE);

    private final RedirectSignatures signatures;
    private final RedirectSecrets secrets;
    private final IdempotencyKeys used;
    private final PaymentService payments;
    private final ReturnUrls returnUrls;
    private final Clock clock;

    RedirectService(RedirectSignatures signatures, RedirectSecrets secrets, IdempotencyKeys used,
                    PaymentService payments, ReturnUrls returnUrls, Clock clock) {
        this.signatures = signatures;
        this.secrets = secrets;
        this.used = used;
        this.payments = payments;
        this.returnUrls = returnUrls;
        this.clock = clock;
    }

    @Override
    public Either<ApplicationError, Returned> verify(Return r) {
        // the names come from the path, never from the query: a parameter cannot stand in for them
        Map<String, String> signed = r.parameters().filterKeys(SIGNATURE::contains)
                .merge(ReturnUrls.fromPath(r.merchantId(), r.paymentId(), r.connector()));
        Map<String, String> answer = r.parameters().filterKeys(key -> !SIGNATURE.contains(key)
                && !ReturnUrls.FROM_PATH.contains(key));
        return signatures.verify(secrets.secretFor(r.merchantId()), signed, clock.now())
                .<ApplicationError>mapLeft(rejected -> new ApplicationError.RedirectRejected(rejected.message()))
                .flatMap(verified -> payments.get(r.merchantId(), r.paymentId())
                        .flatMap(RedirectService::awaitedStep)
                        .map(step -> List.of(
                                "redirect:" + verified.replayKey() + ":step:" + step,
                                "redirect:" + verified.replayKey() + ":answer:" + Fingerprints.of("answer",
                                        answer.toSortedMap(k -> k, v -> v)).substring(0, 32))))
                .flatMap(markers -> claimAll(r, markers))
                .flatMap(markers -> {
                    Either<ApplicationError, Payment> completed = payments.completeAuthorization(r.merchantId(),
                            r.paymentId(), answer);
                    // a refused completion sent nothing to the connector: the customer may come back again
                    markers.forEach(marker -> {
                        if (completed.isLeft()) {
                            used.release(r.merchantId(), marker);
                        } else {
                            used.complete(r.merchantId(), marker, "used");
                        }
                    });
                    return completed;
                })
                .map(payment -> new Returned(payment, returnUrls.merchantUrl(r.merchantId(), r.paymentId())));
    }

    /** Claims every marker, or none: one already used gives back those claimed before it. */
    private Either<ApplicationError, List<String>> claimAll(Return r, List<String> markers) {
        List<String> claimed = List.empty();
        for (String marker : markers) {
            if (!(used.claim(r.merchantId(), marker, "redirect", clock.now()) instanceof IdempotencyKeys.Claim.Claimed)) {
                claimed.forEach(mine -> used.release(r.merchantId(), mine));
                return Either.left(new ApplicationError.RedirectRejected("the redirect was used already"));
            }
            claimed = claimed.append(marker);
        }
        return Either.right(claimed);
    }

    /** The step the payment waits on: its waiting transaction and the redirect it was given, as of when. */
    private static Either<ApplicationError, String> awaitedStep(Payment payment) {
        return payment.transactions().find(Transaction::awaitingCustomer)
                .map(tx -> tx.id().value() + ":" + Fingerprints.of("step", tx.redirect().get() + "@"
                        + tx.observedAt()).substring(0, 16))
                .<ApplicationError>toEither(() -> new ApplicationError.RedirectRejected(
                        "the payment is " + payment.status().wireName() + ", not waiting for the customer"));
    }
}
