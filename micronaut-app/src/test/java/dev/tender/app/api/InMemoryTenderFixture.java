package dev.tender.app.api;

import dev.tender.application.ServiceSettings;
import dev.tender.application.Tender;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.domain.payment.MerchantId;
import dev.tender.inmemory.InMemoryTender;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.Credentials;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.vavr.collection.HashMap;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * TEST FIXTURE: the API tests' {@link Tender}, over the in-memory adapters with the simulator (and a
 * slow simulator, {@value #SLOW}, for requests that must still be running when another arrives). Only
 * with {@code tender.test.in-memory-tender=true}; it replaces the service's own wiring there.
 */
@Factory
@Requires(property = InMemoryTenderFixture.ENABLED, value = "true")
public class InMemoryTenderFixture {

    public static final String ENABLED = "tender.test.in-memory-tender";
    public static final String SLOW = "simulator-slow";

    @Singleton
    InMemoryTender inMemoryTender() {
        return new InMemoryTender(Instant::now, ServiceSettings.defaults(), new SimulatorConnector(),
                SimulatorConnector.builder().name(SLOW).latency(Duration.ofMillis(1500)).build());
    }

    @Singleton
    @Replaces(Tender.class)
    Tender tender(InMemoryTender inMemory) {
        return inMemory.tender;
    }

    @Bean
    @Singleton
    @Replaces(ConnectorAccounts.class)
    ConnectorAccounts connectorAccounts(InMemoryTender inMemory) {
        return inMemory.accounts;
    }

    /** A simulator account for the merchant, as the admin API would configure it. */
    public static void simulatorAccount(InMemoryTender tender, MerchantId merchant, String connector) {
        tender.accounts.add(new ConnectorAccount("acc_" + merchant.value(), merchant, connector, "default", 0, true,
                Credentials.of(HashMap.empty()), HashMap.empty()));
    }
}
