package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.IdempotencyKeys;
import io.vavr.Tuple;
import io.vavr.Tuple2;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private record Entry(String fingerprint, Optional<Object> result, Instant claimedAt) {
    }

    private final ConcurrentMap<Tuple2<MerchantId, String>, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Claim claim(MerchantId merchantId, String key, String fingerprint, Instant now) {
        Entry mine = new Entry(fingerprint, Optional.empty(), now);
        Entry existing = entries.putIfAbsent(Tuple.of(merchantId, key), mine);
        if (existing == null) {
            return new Claim.Claimed();
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        return existing.result().<Claim>map(Claim.Replay::new).orElseGet(Claim.InProgress::new);
    }

    @Override
    public void complete(MerchantId merchantId, String key, Object result) {
        entries.computeIfPresent(Tuple.of(merchantId, key),
                (k, e) -> new Entry(e.fingerprint(), Optional.of(result), e.claimedAt()));
    }

    @Override
    public void release(MerchantId merchantId, String key) {
        entries.computeIfPresent(Tuple.of(merchantId, key), (k, e) -> e.result().isPresent() ? e : null);
    }
}
