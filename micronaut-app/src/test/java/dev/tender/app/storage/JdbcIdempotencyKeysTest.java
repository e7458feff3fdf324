package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.IdempotencyKeys.Claim;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's idempotency keys in PostgreSQL: claimed once, replayed with a String result. */
class JdbcIdempotencyKeysTest {

    final JdbcIdempotencyKeys keys = EmbeddedDatabase.bean(JdbcIdempotencyKeys.class);
    final MerchantId merchant = newMerchant("mer_idem");

    @Test
    void theFirstClaimHasTheKeyAndLaterOnesAreToldItIsInProgressThenReplayed() {
        // when
        Claim first = keys.claim(merchant, "redirect:abc", "redirect", T0);
        Claim whileRunning = keys.claim(merchant, "redirect:abc", "redirect", T0.plusSeconds(1));
        keys.complete(merchant, "redirect:abc", "used");
        Claim after = keys.claim(merchant, "redirect:abc", "redirect", T0.plusSeconds(2));

        // then
        assertThat(first).isEqualTo(new Claim.Claimed());
        assertThat(whileRunning).isEqualTo(new Claim.InProgress());
        assertThat(after).isEqualTo(new Claim.Replay("used"));
    }

    @Test
    void anotherFingerprintIsAMismatchWhetherOrNotTheFirstEnded() {
        // given
        keys.claim(merchant, "k1", "fp_a", T0);

        // when
        Claim running = keys.claim(merchant, "k1", "fp_b", T0);
        keys.complete(merchant, "k1", "done");
        Claim ended = keys.claim(merchant, "k1", "fp_b", T0);

        // then
        assertThat(running).isEqualTo(new Claim.Mismatch());
        assertThat(ended).isEqualTo(new Claim.Mismatch());
    }

    @Test
    void aReleasedKeyCanBeClaimedAgainButACompletedOneIsKept() {
        // given
        keys.claim(merchant, "k_released", "fp", T0);
        keys.claim(merchant, "k_completed", "fp", T0);
        keys.complete(merchant, "k_completed", "result");

        // when
        keys.release(merchant, "k_released");
        keys.release(merchant, "k_completed");

        // then
        assertThat(keys.claim(merchant, "k_released", "fp", T0)).isEqualTo(new Claim.Claimed());
        assertThat(keys.claim(merchant, "k_completed", "fp", T0)).isEqualTo(new Claim.Replay("result"));
    }

    @Test
    void keysAreEachMerchantsOwn() {
        // given
        keys.claim(merchant, "k1", "fp", T0);

        // then
        assertThat(keys.claim(newMerchant("mer_idem_other"), "k1", "other", T0)).isEqualTo(new Claim.Claimed());
    }

    @Test
    void onlyStringResultsAreStorableAndAnotherResultIsRefused() {
        // given
        keys.claim(merchant, "k1", "fp", T0);

        // then
        assertThatThrownBy(() -> keys.complete(merchant, "k1", Either.right("a payment")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("String");
        assertThatThrownBy(() -> keys.complete(merchant, "k1", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.claim(merchant, "k1", "fp", T0)).isEqualTo(new Claim.InProgress());
    }

    @Test
    void completingAKeyNobodyClaimedStoresNothing() {
        // when
        keys.complete(merchant, "never_claimed", "x");

        // then
        assertThat(keys.claim(merchant, "never_claimed", "fp", T0)).isEqualTo(new Claim.Claimed());
    }

    @Test
    void ofConcurrentClaimsOfOneKeyExactlyOneHasIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "race_" + round;
                CountDownLatch start = new CountDownLatch(1);
                java.util.List<Future<Claim>> claims = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    claims.add(pool.submit(() -> {
                        start.await();
                        return keys.claim(merchant, key, "fp", T0);
                    }));
                }
                start.countDown();
                List<Claim> results = List.empty();
                for (Future<Claim> claim : claims) {
                    results = results.append(claim.get(10, TimeUnit.SECONDS));
                }
                assertThat(results.count(c -> c instanceof Claim.Claimed)).as("round %d", round).isEqualTo(1);
                assertThat(results.count(c -> c instanceof Claim.InProgress)).as("round %d", round).isEqualTo(3);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
