package dev.tender.application;

import io.vavr.collection.List;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the application services.
 *
 * @param attemptsPerConnector calls to one connector for one transaction before its answer stays unknown
 * @param firstRetryDelay      back-off before the second attempt, doubling after
 * @param reconcileSchedule    delays between syncs of an open transaction; the last repeats
 * @param settlementDelay      when no cut-off is given, a capture settles this long after it is made
 * @param failuresToOpenCircuit consecutive failures of a connector account that open its circuit
 * @param openCircuitFor       how long an open circuit refuses calls before letting one through
 * @param notFoundGrace        how long after a call was sent a sync's "not found" still means "not yet":
 *                             longer than the longest call with all its retries
 */
public record ServiceSettings(int attemptsPerConnector, Duration firstRetryDelay, List<Duration> reconcileSchedule,
                              Duration settlementDelay, int failuresToOpenCircuit, Duration openCircuitFor,
                              Duration notFoundGrace) {

    public ServiceSettings {
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(reconcileSchedule, "reconcileSchedule");
        Objects.requireNonNull(settlementDelay, "settlementDelay");
        Objects.requireNonNull(openCircuitFor, "openCircuitFor");
        Objects.requireNonNull(notFoundGrace, "notFoundGrace");
        if (attemptsPerConnector < 1 || reconcileSchedule.isEmpty() || failuresToOpenCircuit < 1) {
            throw new IllegalArgumentException("at least one attempt, one reconcile delay and one failure");
        }
    }

    /**
     * 3 attempts from 200 ms; reconcile after 1 min, 5 min, 1 h, then daily; capture settles after 24 h;
     * a circuit opens after 5 failures for 30 s; "not found" is final 5 min after sending.
     */
    public static ServiceSettings defaults() {
        return new ServiceSettings(3, Duration.ofMillis(200),
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)),
                Duration.ofHours(24), 5, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    public ServiceSettings withFirstRetryDelay(Duration delay) {
        return new ServiceSettings(attemptsPerConnector, delay, reconcileSchedule, settlementDelay,
                failuresToOpenCircuit, openCircuitFor, notFoundGrace);
    }

    public ServiceSettings withReconcileSchedule(List<Duration> schedule) {
        return new ServiceSettings(attemptsPerConnector, firstRetryDelay, schedule, settlementDelay,
                failuresToOpenCircuit, openCircuitFor, notFoundGrace);
    }

    public ServiceSettings withCircuit(int failures, Duration openFor) {
        return new ServiceSettings(attemptsPerConnector, firstRetryDelay, reconcileSchedule, settlementDelay,
                failures, openFor, notFoundGrace);
    }

    /** The delay before the sync after {@code attempts} earlier ones. */
    public Duration reconcileDelay(int attempts) {
        return reconcileSchedule.get(Math.min(attempts, reconcileSchedule.size() - 1));
    }
}
