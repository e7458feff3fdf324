package dev.tender.connector.simulator;

import java.util.Map;

/**
 * How much the simulator remembers: its calls (for idempotent replays and syncs), its payments and its
 * ledger. Unbounded by default, as a test wants; a long-running process (the service's sandbox
 * connectors) bounds it, and then the oldest are forgotten first: a sync or a replay of a forgotten
 * call, or an operation on a forgotten payment, is answered as for one the simulator never saw.
 */
final class Memory {

    private Memory() {
    }

    /** A map that forgets its oldest entry once it holds more than {@code limit}. Not thread-safe. */
    static <K, V> Map<K, V> bounded(int limit) {
        return new java.util.LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > limit;
            }
        };
    }
}
