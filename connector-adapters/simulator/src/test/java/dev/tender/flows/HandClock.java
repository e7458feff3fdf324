package dev.tender.flows;

import dev.tender.ports.out.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand, so the reconciler's schedule is reached without waiting. Thread-safe. */
final class HandClock implements TimeSource {

    private final AtomicReference<Instant> now;

    HandClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant now() {
        return now.get();
    }

    Instant advance(Duration by) {
        return now.updateAndGet(t -> t.plus(by));
    }
}
