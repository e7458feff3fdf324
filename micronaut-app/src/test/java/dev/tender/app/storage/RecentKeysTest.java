package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache of keys that authenticated: kept for the TTL only, never past a key's expiry, bounded, forgettable. */
class RecentKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final MerchantId MERCHANT = MerchantId.of("m_cache");

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RecentKeys recent = new RecentKeys(Duration.ofSeconds(5), nanos::get, null);

    private static RecentKeys.Holder holder(Instant expiresAt) {
        return new RecentKeys.Holder(MERCHANT, Optional.of("pro_default"), expiresAt);
    }

    @Test
    void aKeyIsKeptWithItsMerchantAndProfileForTheTtlOnly() {
        // given
        recent.remember(recent.generation(), "hash", holder(null));

        // when the TTL has all but passed, then it is still there
        nanos.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(recent.holder("hash", NOW)).map(RecentKeys.Holder::merchant).contains(MERCHANT);
        assertThat(recent.defaultProfile(MERCHANT)).contains(Optional.of("pro_default"));

        // when it has passed, then the key and the profile are looked up again
        nanos.incrementAndGet();
        assertThat(recent.holder("hash", NOW)).isEmpty();
        assertThat(recent.defaultProfile(MERCHANT)).isEmpty();
    }

    @Test
    void aKeyPastItsExpiryIsNotAnsweredFromTheCache() {
        // given
        recent.remember(recent.generation(), "hash", holder(NOW.plusSeconds(1)));

        // then
        assertThat(recent.holder("hash", NOW)).isPresent();
        assertThat(recent.holder("hash", NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void aLookupThatRanAcrossAChangeIsNotKept() {
        // given a lookup begun before a revocation committed
        long before = recent.generation();
        recent.forgetAll();

        // when it ends after
        recent.remember(before, "hash", holder(null));
        recent.rememberProfile(before, MERCHANT, Optional.of("pro_old"));

        // then
        assertThat(recent.holder("hash", NOW)).isEmpty();
        assertThat(recent.defaultProfile(MERCHANT)).isEmpty();
    }

    @Test
    void forgettingDropsEveryKeyAndProfile() {
        // given
        recent.remember(recent.generation(), "hash", holder(null));

        // when
        recent.forgetOnCommit();

        // then
        assertThat(recent.holder("hash", NOW)).isEmpty();
        assertThat(recent.defaultProfile(MERCHANT)).isEmpty();
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBound() {
        // given
        for (int i = 0; i < RecentKeys.MAX_ENTRIES; i++) {
            recent.remember(recent.generation(), "hash" + i, holder(null));
        }
        assertThat(recent.holder("hash0", NOW)).isPresent();

        // when one more comes
        recent.remember(recent.generation(), "one more", holder(null));

        // then it starts again with that one
        assertThat(recent.holder("hash0", NOW)).isEmpty();
        assertThat(recent.holder("one more", NOW)).isPresent();
    }

    @Test
    void aTtlOfZeroKeepsNothing() {
        // given
        RecentKeys off = new RecentKeys(Duration.ZERO, nanos::get, null);

        // when
        off.remember(off.generation(), "hash", holder(null));

        // then
        assertThat(off.holder("hash", NOW)).isEmpty();
        assertThat(off.defaultProfile(MERCHANT)).isEmpty();
    }
}
