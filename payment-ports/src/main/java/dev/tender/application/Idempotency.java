package dev.tender.application;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.out.IdempotencyKeys;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.function.Supplier;

/**
 * Runs a command once per idempotency key: the same key with the same command replays the first
 * result without calling a connector again; with another command it is refused. A conflict (a lost
 * race, before anything was sent) is not kept, so the client may retry with the same key; a failure
 * part-way is kept, since the processor may have acted.
 */
final class Idempotency {

    private final IdempotencyKeys keys;
    private final Clock clock;

    Idempotency(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    <T> Either<ApplicationError, T> run(MerchantId merchantId, Option<String> key, String operation, Object command,
                                       Supplier<Either<ApplicationError, T>> work) {
        return run(merchantId, key, Fingerprints.of(operation, command), work);
    }

    /** As {@link #run(MerchantId, Option, String, Object, Supplier)}, with a fingerprint the caller made. */
    <T> Either<ApplicationError, T> run(MerchantId merchantId, Option<String> key, String fingerprint,
                                       Supplier<Either<ApplicationError, T>> work) {
        if (key.isEmpty()) {
            return work.get();
        }
        IdempotencyKeys.Claim claim = keys.claim(merchantId, key.get(), fingerprint, clock.now());
        return switch (claim) {
            case IdempotencyKeys.Claim.Replay replay -> (Either<ApplicationError, T>) replay.result();
            case IdempotencyKeys.Claim.InProgress busy -> Either.left(new ApplicationError.Conflict(
                    "A request with Idempotency-Key " + key.get() + " is still in progress"));
            case IdempotencyKeys.Claim.Mismatch mismatch ->
                    Either.left(new ApplicationError.IdempotencyMismatch(key.get()));
            case IdempotencyKeys.Claim.Claimed claimed -> {
                Either<ApplicationError, T> result;
                try {
                    result = work.get();
                } catch (RuntimeException failure) {
                    // it may have failed after reaching the processor: a retry must not run it again
                    keys.complete(merchantId, key.get(), Either.left(new ApplicationError.Conflict(
                            "The request with Idempotency-Key " + key.get() + " failed part-way; "
                                    + "retrieve the payment to see where it stands")));
                    throw failure;
                }
                if (result.isLeft() && result.getLeft() instanceof ApplicationError.Conflict) {
                    keys.release(merchantId, key.get());
                } else {
                    keys.complete(merchantId, key.get(), result);
                }
                yield result;
            }
        };
    }
}
