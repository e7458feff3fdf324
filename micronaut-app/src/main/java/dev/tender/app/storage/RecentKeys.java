package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The API keys this instance authenticated in the last {@code tender.api-keys.cache-ttl} (5 s), by hash, with
 * their merchant and its default profile: every request needs both, and a key used again within that time
 * costs no statement. Only keys that authenticated are kept (an unknown key is looked up each time, and cannot
 * fill the cache), at most {@link #MAX_ENTRIES}; a key past its expiry is refused from the cache too.
 *
 * <p>A key revoked, updated or deleted with its merchant through this instance is forgotten at once; through
 * another instance sharing the database, it still authenticates here for at most the TTL. {@code 0s} turns the
 * cache off. A cache, not a lock: nothing here decides between instances.
 */
@Singleton
public final class RecentKeys {

    /** When more keys than this were used within the TTL, the cache starts again empty. */
    static final int MAX_ENTRIES = 10_000;

    /** What a key's lookup found: its merchant, the merchant's default profile, and the key's expiry. */
    record Holder(MerchantId merchant, Optional<String> defaultProfile, @Nullable Instant expiresAt) {
    }

    private record Entry<T>(T value, long loadedAt) {
    }

    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry<Holder>> byHash = new ConcurrentHashMap<>();
    private final Map<MerchantId, Entry<Optional<String>>> profiles = new ConcurrentHashMap<>();

    private final @Nullable TransactionOperations<Connection> transactions;

    @Inject
    public RecentKeys(@Value("${tender.api-keys.cache-ttl:5s}") Duration ttl,
                      TransactionOperations<Connection> transactions) {
        this(ttl, System::nanoTime, transactions);
    }

    RecentKeys(Duration ttl, LongSupplier nanoTime, @Nullable TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("tender.api-keys.cache-ttl must not be negative: " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The holder of the key of this hash, if it was looked up within the TTL and has not expired since. */
    Optional<Holder> holder(String hash, Instant now) {
        return fresh(byHash.get(hash)).filter(h -> h.expiresAt() == null || h.expiresAt().isAfter(now));
    }

    /** The merchant's default profile, if a lookup within the TTL found it. */
    Optional<Optional<String>> defaultProfile(MerchantId merchant) {
        return fresh(profiles.get(merchant));
    }

    /** Read before a lookup, given to {@link #remember}: a lookup older than the last forget is not kept. */
    long generation() {
        return generation.get();
    }

    void remember(long lookedUpIn, String hash, Holder holder) {
        if (ttlNanos == 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        bound();
        byHash.put(hash, new Entry<>(holder, now));
        profiles.put(holder.merchant(), new Entry<>(holder.defaultProfile(), now));
        if (generation.get() != lookedUpIn) {
            // a change committed while this lookup ran: what it read may be the row before the change
            byHash.remove(hash);
            profiles.remove(holder.merchant());
        }
    }

    void rememberProfile(long lookedUpIn, MerchantId merchant, Optional<String> profile) {
        if (ttlNanos == 0) {
            return;
        }
        bound();
        profiles.put(merchant, new Entry<>(profile, nanoTime.getAsLong()));
        if (generation.get() != lookedUpIn) {
            profiles.remove(merchant);
        }
    }

    /**
     * Forgets everything: a key, a merchant or a profile changed through this instance. Called once the
     * change committed, so a lookup after it reads the change, and one that ran across it is not kept.
     */
    void forgetAll() {
        generation.incrementAndGet();
        byHash.clear();
        profiles.clear();
    }

    /**
     * Forgets everything now and, when called inside a transaction (the change's), again once it ended: a
     * lookup between the two reads the row as it was before the commit.
     */
    void forgetOnCommit() {
        forgetAll();
        Recent.afterTransaction(transactions, this::forgetAll);
    }

    private void bound() {
        if (byHash.size() >= MAX_ENTRIES || profiles.size() >= MAX_ENTRIES) {
            // no change to forget, only room to make: lookups under way may still be kept
            byHash.clear();
            profiles.clear();
        }
    }

    private <T> Optional<T> fresh(@Nullable Entry<T> entry) {
        if (entry == null || nanoTime.getAsLong() - entry.loadedAt() >= ttlNanos) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }
}
