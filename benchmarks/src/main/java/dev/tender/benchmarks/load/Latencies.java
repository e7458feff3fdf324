package dev.tender.benchmarks.load;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept whole (a run records at most a few million), so percentiles are exact
 * rather than bucketed. One per thread while recording, merged after; not thread-safe.
 */
public final class Latencies {

    private long[] values = new long[1 << 12];
    private int size;
    private boolean sorted = true;

    public void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + nanos);
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        sorted = false;
    }

    public int count() {
        return size;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.record(part.values[i]);
            }
        }
        return all;
    }

    /** The smallest recorded value with at least {@code fraction} of the values at or below it. */
    public long percentile(double fraction) {
        if (size == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        return values[(int) Math.ceil(fraction * size) - 1];
    }

    public long max() {
        return percentile(1.0);
    }
}
