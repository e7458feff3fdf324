package dev.tender.app;

import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.inmemory.ConnectorRegistry;
import dev.tender.ports.out.Connectors;
import dev.tender.ports.out.TimeSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * TEST FIXTURE (only with {@code tender.test.expiry=true}): one processor and one clock for every service
 * started in the test JVM, so that several instances share what the processor did and the time a test
 * moves forward. The processor answers each call after a short delay, so that instances running at once
 * overlap while a call is in flight.
 */
@Factory
@Requires(property = ExpiryFixture.ENABLED, value = "true")
public class ExpiryFixture {

    public static final String ENABLED = "tender.test.expiry";

    public static final SimulatorConnector PROCESSOR = SimulatorConnector.builder()
            .latency(Duration.ofMillis(20)).build();

    /** How far the services' clock is ahead of the real one. */
    public static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    @Singleton
    @Replaces(Connectors.class)
    Connectors connectors() {
        return ConnectorRegistry.of(PROCESSOR);
    }

    @Singleton
    @Replaces(TimeSource.class)
    TimeSource time() {
        return () -> Instant.now().plus(AHEAD.get()).truncatedTo(ChronoUnit.MICROS);
    }
}
