package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Values this instance read in the last TTL, by key: a value asked for again within it costs no statement.
 * A change made through this instance forgets everything ({@link #forgetOnCommit}); a change made through
 * another instance sharing the database shows here after at most the TTL. A load that ran while a change
 * committed is not kept, as it may have read the row before the change. A TTL of zero keeps nothing. A cache,
 * not a lock: nothing here decides between instances.
 */
final class Recent<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final @Nullable TransactionOperations<Connection> transactions;

    /**
     * @param setting    the setting the TTL comes from, named when it is refused
     * @param maxEntries when this many keys were loaded within the TTL, the cache starts again empty
     */
    Recent(String setting, Duration ttl, int maxEntries, LongSupplier nanoTime,
           @Nullable TransactionOperations<Connection> transactions) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException(setting + " must not be negative: " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        this.transactions = transactions;
    }

    /** The value loaded within the TTL, else {@code load}'s (kept unless a change committed meanwhile). */
    V get(K key, Supplier<V> load) {
        Entry<V> entry = entries.get(key);
        if (entry != null && nanoTime.getAsLong() - entry.loadedAt() < ttlNanos) {
            return entry.value();
        }
        long before = generation.get();
        V value = load.get();
        if (ttlNanos > 0) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, nanoTime.getAsLong()));
            if (generation.get() != before) {
                entries.remove(key);
            }
        }
        return value;
    }

    void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /**
     * Forgets everything now and, when called inside a transaction (the change's), again once it ended: a
     * load between the two reads the row as it was before the commit.
     */
    void forgetOnCommit() {
        forgetAll();
        afterTransaction(transactions, this::forgetAll);
    }

    /** Runs {@code action} once the transaction under way, if any, has ended (committed or not). */
    static void afterTransaction(@Nullable TransactionOperations<Connection> transactions, Runnable action) {
        if (transactions != null) {
            transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(Status completion) {
                            action.run();
                        }
                    }));
        }
    }
}
