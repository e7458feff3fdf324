package dev.tender.app;

import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.inmemory.ConnectorRegistry;
import dev.tender.ports.out.Connectors;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * TEST FIXTURE (only with {@code tender.test.shared-processor=true}): one simulator for every service
 * started in the test JVM, as a real processor outlives the services that call it. A service stopped
 * and started again finds at the processor what the first one did there.
 */
@Factory
@Requires(property = SharedProcessorFixture.ENABLED, value = "true")
public class SharedProcessorFixture {

    public static final String ENABLED = "tender.test.shared-processor";

    /** The processor; its faults and ledger are the test's to set and read. */
    public static final SimulatorConnector PROCESSOR = new SimulatorConnector();

    @Singleton
    @Replaces(Connectors.class)
    Connectors connectors() {
        return ConnectorRegistry.of(PROCESSOR);
    }
}
