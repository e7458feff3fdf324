package dev.tender.application;

import io.vavr.collection.List;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the application services.
 *
 * @param attemptsPerConnector calls to one connector for one transaction before its answer stays unknown
 * @param firstRetryDelay      back-off before the second attempt, doubling after
 * @param reconcileSchedule    delays between syncs of an open transaction; after the last one it is escalated
 *                             (flagged for a person) instead of synced again
 * @param settlementDelay      when no cut-off is given, a capture settles this long after it is made
 * @param failuresToOpenCircuit consecutive failed calls of a connector account that open its circuit
 * @param openCircuitFor       how long an open circuit refuses calls before letting one through
 * @param notFoundGrace        how long after a call was sent a sync's "not found" still means "not yet":
 *                             longer than the longest call with all its retries
 * @param callBudget           the longest a connector call may take with all its retries: the reconciler
 *                             leaves a transaction alone until this long after it began, so it never settles
 *                             a call that is still on its way
 */
public record ServiceSettings(int attemptsPerConnector, Duration firstRetryDelay, List<Duration> reconcileSchedule,
                              Duration settlementDelay, int failuresToOpenCircuit, Duration openCircuitFor,
                              Duration notFoundGrace, Duration callBudget) {

    public ServiceSettings {
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(reconcileSchedule, "reconcileSchedule");
        Objects.requireNonNull(settlementDelay, "settlementDelay");
        Objects.requireNonNull(openCircuitFor, "openCircuitFor");
        Objects.requireNonNull(notFoundGrace, "notFoundGrace");
        Objects.requireNonNull(callBudget, "callBudget");
        if (attemptsPerConnector < 1 || reconcileSchedule.isEmpty() || failuresToOpenCircuit < 1) {
            throw new IllegalArgumentException("at least one attempt, one reconcile delay and one failure");
        }
        if (notFoundGrace.compareTo(callBudget) < 0) {
            // a "not found" inside the budget may be a call still on its way: it must not fail the transaction
            throw new IllegalArgumentException("notFoundGrace (" + notFoundGrace + ") must not be shorter than "
                    + "callBudget (" + callBudget + ")");
        }
    }

    /**
     * 3 attempts from 200 ms; reconcile after 2 min, 5 min, 1 h, then daily for three days, then escalate;
     * capture settles after 24 h; a circuit opens after 5 failed calls for 30 s; a call with its retries takes
     * at most 2 min (3 × 30 s read timeout and the back-off); "not found" is final 5 min after sending.
     */
    public static ServiceSettings defaults() {
        return new ServiceSettings(3, Duration.ofMillis(200),
                List.of(Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1),
                        Duration.ofDays(1), Duration.ofDays(1)),
                Duration.ofHours(24), 5, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(2));
    }

    public ServiceSettings withFirstRetryDelay(Duration delay) {
        return new ServiceSettings(attemptsPerConnector, delay, reconcileSchedule, settlementDelay,
                failuresToOpenCircuit, openCircuitFor, notFoundGrace, callBudget);
    }

    public ServiceSettings withReconcileSchedule(List<Duration> schedule) {
        return new ServiceSettings(attemptsPerConnector, firstRetryDelay, schedule, settlementDelay,
                failuresToOpenCircuit, openCircuitFor, notFoundGrace, callBudget);
    }

    public ServiceSettings withCircuit(int failures, Duration openFor) {
        return new ServiceSettings(attemptsPerConnector, firstRetryDelay, reconcileSchedule, settlementDelay,
                failures, openFor, notFoundGrace, callBudget);
    }

    /** How long a call may take with its retries, and how long after it "not found" still means "not yet". */
    public ServiceSettings withCallBudget(Duration budget, Duration grace) {
        return new ServiceSettings(attemptsPerConnector, firstRetryDelay, reconcileSchedule, settlementDelay,
                failuresToOpenCircuit, openCircuitFor, grace, budget);
    }

    /** The delay before the sync after {@code attempts} earlier ones (the last delay once the schedule is over). */
    public Duration reconcileDelay(int attempts) {
        return reconcileSchedule.get(Math.min(attempts, reconcileSchedule.size() - 1));
    }

    /** The first sync of a transaction: its schedule's first delay, but never while its call may still run. */
    public Duration firstReconcileDelay() {
        Duration first = reconcileSchedule.head();
        return first.compareTo(callBudget) >= 0 ? first : callBudget;
    }

    /** Whether a transaction synced {@code attempts} times has had every sync of the schedule. */
    public boolean reconcileExhausted(int attempts) {
        return attempts >= reconcileSchedule.size();
    }
}
