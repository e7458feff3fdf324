package dev.tender.application;

import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.DeclineCodes;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Calls a connector account through resilience4j: retries while the answer is unknown (safe, as every
 * retry carries the same idempotency key), with exponential back-off and a limit, inside a circuit
 * breaker per account that counts each call once, whatever its number of attempts. An open circuit
 * answers {@code technical_error}: nothing was sent. A connector that throws is a bug, but the call may
 * have reached the processor, so it counts as unknown.
 */
final class ResilientConnectors {

    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;

    ResilientConnectors(ServiceSettings settings) {
        this.retries = RetryRegistry.of(RetryConfig.<Outcome>custom()
                .maxAttempts(settings.attemptsPerConnector())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(
                        Math.max(1, settings.firstRetryDelay().toMillis()), 2.0))
                .retryOnResult(outcome -> outcome instanceof Outcome.Unknown)
                .failAfterMaxAttempts(false)
                .build());
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.failuresToOpenCircuit())
                .minimumNumberOfCalls(settings.failuresToOpenCircuit())
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.openCircuitFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordResult(ResilientConnectors::isFailure)
                .build());
    }

    Outcome call(ConnectorAccount account, Supplier<Outcome> call) {
        CircuitBreaker breaker = breakers.circuitBreaker(account.id());
        Retry retry = retries.retry(account.id());
        AtomicReference<Outcome> unknownEarlier = new AtomicReference<>();
        Supplier<Outcome> guarded = () -> {
            Outcome outcome;
            try {
                outcome = call.get();
            } catch (RuntimeException bug) {
                outcome = new Outcome.Unknown("connector failed: " + bug.getClass().getSimpleName());
            }
            if (outcome instanceof Outcome.Unknown) {
                unknownEarlier.set(outcome);
            }
            return outcome;
        };
        // the breaker judges the call, not each attempt: a processor replaying one saved failure to every
        // retry of one call is one failure, not three, and must not open the circuit for everyone else
        Supplier<Outcome> retried = CircuitBreaker.decorateSupplier(breaker, Retry.decorateSupplier(retry, guarded));
        Outcome last;
        try {
            last = retried.get();
        } catch (CallNotPermittedException open) {
            last = new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR,
                    "connector account " + account.id() + " is unavailable (circuit open)");
        }
        // "not processed" speaks only for the attempt that got it: if an earlier attempt's answer was
        // lost, the processor may have acted on it, so the call stays unknown (never rerouted, never failed)
        boolean notProcessed = last instanceof Outcome.Declined d && d.code().equals(DeclineCodes.TECHNICAL_ERROR);
        return notProcessed && unknownEarlier.get() != null ? unknownEarlier.get() : last;
    }

    CircuitBreaker.State circuitOf(ConnectorAccount account) {
        return breakers.circuitBreaker(account.id()).getState();
    }

    private static boolean isFailure(Object result) {
        return result instanceof Outcome.Unknown
                || result instanceof Outcome.Declined d && d.code().equals(DeclineCodes.TECHNICAL_ERROR);
    }
}
