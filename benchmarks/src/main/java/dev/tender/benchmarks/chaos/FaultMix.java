package dev.tender.benchmarks.chaos;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The share of processor calls that get a fault, each fault equally likely, and the count of each fault
 * really injected (a fault drawn for a call it cannot apply to is not counted). Thread-safe.
 */
final class FaultMix {

    private static final Fault[] ALL = {Fault.ERROR_BEFORE_WORK, Fault.ERROR_AFTER_WORK, Fault.RESET_BEFORE_WORK,
        Fault.RESET_AFTER_WORK, Fault.HANG, Fault.SLOW};

    private final Fault[] drawn;
    private volatile double rate;
    private final AtomicLong calls = new AtomicLong();
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);

    FaultMix(double rate) {
        this(rate, ALL);
    }

    /** Draws only the given faults (a test of one fault at a time). */
    FaultMix(double rate, Fault... drawn) {
        this.drawn = drawn.clone();
        this.rate = rate;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicLong());
        }
    }

    void rate(double newRate) {
        if (newRate < 0 || newRate > 1) {
            throw new IllegalArgumentException("a fault rate is between 0 and 1");
        }
        rate = newRate;
    }

    double rate() {
        return rate;
    }

    /** The fault for the next call (counted as a call). */
    Fault next() {
        calls.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextDouble() < rate ? drawn[random.nextInt(drawn.length)] : Fault.NONE;
    }

    /** A call answered without a fault: a replay of a saved answer, or a 409 for a key in progress. */
    void plain() {
        calls.incrementAndGet();
    }

    void injected(Fault fault) {
        injected.get(fault).incrementAndGet();
    }

    long calls() {
        return calls.get();
    }

    long count(Fault fault) {
        return injected.get(fault).get();
    }
}
