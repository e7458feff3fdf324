package dev.tender.benchmarks.chaos;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code kill -9} of a random instance at a random moment (every {@code min}–{@code max}), started again
 * {@code down} later, while at least one other instance serves. Runs until stopped; a restart that fails
 * stops the campaign (its error is kept).
 */
final class Killer implements Runnable {

    private final Cluster cluster;
    private final Figures figures;
    private final Duration min;
    private final Duration max;
    private final Duration down;
    private volatile boolean running = true;
    private volatile Exception failure;

    Killer(Cluster cluster, Figures figures, Duration min, Duration max, Duration down) {
        this.cluster = cluster;
        this.figures = figures;
        this.min = min;
        this.max = max;
        this.down = down;
    }

    void stop() {
        running = false;
    }

    Exception failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            while (running) {
                long wait = min.toMillis() + ThreadLocalRandom.current().nextLong(max.toMillis() - min.toMillis() + 1);
                for (long slept = 0; running && slept < wait; slept += 100) {
                    Thread.sleep(100);
                }
                if (!running) {
                    return;
                }
                int victim = ThreadLocalRandom.current().nextInt(cluster.size());
                cluster.kill(victim);
                figures.kills.incrementAndGet();
                Thread.sleep(down.toMillis());
                cluster.start(victim);
                figures.restarts.incrementAndGet();
            }
        } catch (Exception e) {
            failure = e;
        }
    }
}
