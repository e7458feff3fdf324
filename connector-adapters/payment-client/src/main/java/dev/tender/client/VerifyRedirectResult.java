package dev.tender.client;

import dev.tender.application.RedirectSignatures;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a return from a redirect is one this client signed, unchanged and fresh. When
 * {@code VERIFIED}: {@code paymentId} and {@code requestId} are those of the authorize that issued the
 * return URL (compare them with the payment the customer's session is paying), {@code replayKey} and
 * {@code expiresAt} are what a replay store records (see {@link PaymentClient#verifyRedirectResponse}),
 * and {@code processorParameters} are the parameters the processor's page added, which no signature of
 * ours covers. When {@code REJECTED}: {@code reason} and {@code message} say why.
 */
public record VerifyRedirectResult(Status status, Option<String> paymentId, Option<String> requestId,
                                   Map<String, String> processorParameters, Option<String> replayKey,
                                   Option<Instant> expiresAt, Option<RedirectSignatures.Reason> reason,
                                   Option<String> message) {

    public enum Status {
        VERIFIED,
        REJECTED
    }

    public VerifyRedirectResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(processorParameters, "processorParameters");
        Objects.requireNonNull(replayKey, "replayKey");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    static VerifyRedirectResult verified(RedirectSignatures.Verified verified,
                                         Map<String, String> processorParameters) {
        return new VerifyRedirectResult(Status.VERIFIED, verified.parameters().get(SignedReturnUrls.PAYMENT_ID),
                verified.parameters().get(SignedReturnUrls.REQUEST_ID), processorParameters,
                Option.some(verified.replayKey()), Option.some(verified.expiresAt()), Option.none(), Option.none());
    }

    static VerifyRedirectResult rejected(RedirectSignatures.Rejected rejected) {
        return new VerifyRedirectResult(Status.REJECTED, Option.none(), Option.none(), LinkedHashMap.empty(),
                Option.none(), Option.none(), Option.some(rejected.reason()), Option.some(rejected.message()));
    }
}
