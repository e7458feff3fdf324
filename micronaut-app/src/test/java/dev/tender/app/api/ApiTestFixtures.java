package dev.tender.app.api;

import dev.tender.app.metrics.MeteredConnector;
import dev.tender.connector.adyen.AdyenConnector;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.stripe.StripeConnector;
import dev.tender.inmemory.ConnectorRegistry;
import dev.tender.ports.out.Connectors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * TEST FIXTURE for the API tests (only with {@code tender.test.api-fixtures=true}): the service's own
 * wiring (connectors timed into the metrics: the simulator, Stripe and Adyen), with one more connector, {@value #SLOW}, a simulator that takes 1.5 s to answer, for
 * requests that must still be running when another one arrives.
 */
@Factory
@Requires(property = ApiTestFixtures.ENABLED, value = "true")
public class ApiTestFixtures {

    public static final String ENABLED = "tender.test.api-fixtures";
    public static final String SLOW = "simulator-slow";

    @Singleton
    @Replaces(Connectors.class)
    Connectors connectors(MeterRegistry registry) {
        return ConnectorRegistry.of(new MeteredConnector(new SimulatorConnector(), registry), new MeteredConnector(
                SimulatorConnector.builder().name(SLOW).latency(Duration.ofMillis(1500)).build(), registry),
                new MeteredConnector(new StripeConnector(), registry), new MeteredConnector(new AdyenConnector(), registry));
    }
}
