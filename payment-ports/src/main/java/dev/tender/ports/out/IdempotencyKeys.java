package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;

import java.time.Instant;

/**
 * Idempotency keys per merchant. The first request with a key claims it; the result is stored when
 * the request ends. A later request with the key and the same fingerprint replays the result; with
 * another fingerprint it is refused; while the first is still running, it is told so.
 */
public interface IdempotencyKeys {

    sealed interface Claim {
        /** The key is yours: run the request, then {@link #complete}. */
        record Claimed() implements Claim {
        }

        record Replay(Object result) implements Claim {
        }

        record InProgress() implements Claim {
        }

        record Mismatch() implements Claim {
        }
    }

    Claim claim(MerchantId merchantId, String key, String fingerprint, Instant now);

    void complete(MerchantId merchantId, String key, Object result);

    /** Gives a claimed key back, when the request ended before it could change anything. */
    void release(MerchantId merchantId, String key);
}
