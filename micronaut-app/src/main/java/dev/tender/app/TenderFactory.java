package dev.tender.app;

import dev.tender.app.connectors.BoundedConnector;
import dev.tender.app.metrics.LoggedEscalations;
import dev.tender.app.metrics.MeteredConnector;
import dev.tender.app.metrics.MeteredPayments;
import dev.tender.app.storage.SecretKeys;
import dev.tender.application.ServiceSettings;
import dev.tender.application.Tender;
import dev.tender.connector.adyen.AdyenConnector;
import dev.tender.connector.kit.ConnectorHttp;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.stripe.StripeConnector;
import dev.tender.inmemory.ConnectorRegistry;
import dev.tender.inmemory.DerivedRedirectSecrets;
import dev.tender.inmemory.RandomIdGenerator;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.Connectors;
import dev.tender.ports.out.HeldCards;
import dev.tender.ports.out.IdempotencyKeys;
import dev.tender.ports.out.Mandates;
import dev.tender.ports.out.MerchantReturnUrls;
import dev.tender.ports.out.Outbox;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.Reconciliations;
import dev.tender.ports.out.RedirectSecrets;
import dev.tender.ports.out.Refunds;
import dev.tender.ports.out.TimeSource;
import dev.tender.ports.out.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place the service is wired: the application services of payment-ports over the JDBC
 * adapters, with the connectors this build ships.
 */
@Factory
public class TenderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TenderFactory.class);

    /**
     * Hyperswitch's dummy connectors, which its sandbox clients name: each is a simulator of that name, so
     * such a client works unchanged against Tender's simulator.
     */
    static final List<String> HYPERSWITCH_TEST_CONNECTORS = List.of("phonypay", "fauxpay", "pretendpay");

    /** The connectors this build ships, each timed into tender.connector.calls. */
    @Singleton
    Connectors connectors(MeterRegistry registry,
                          @Value("${tender.connectors.read-timeout:30s}") Duration readTimeout) {
        ConnectorHttp http = ConnectorHttp.create(ConnectorHttp.DEFAULT_CONNECT_TIMEOUT, readTimeout);
        java.util.List<dev.tender.ports.out.Connector> connectors = new java.util.ArrayList<>();
        connectors.add(new MeteredConnector(sandbox(SimulatorConnector.NAME), registry));
        connectors.add(new MeteredConnector(new StripeConnector(http, StripeConnector.SUPPORTED), registry));
        connectors.add(new MeteredConnector(new AdyenConnector(http), registry));
        HYPERSWITCH_TEST_CONNECTORS.forEach(name -> connectors.add(
                new MeteredConnector(sandbox(name), registry)));
        return ConnectorRegistry.of(connectors.toArray(dev.tender.ports.out.Connector[]::new));
    }

    /**
     * A simulator in a process that runs for days: it remembers the last {@value #SANDBOX_MEMORY} calls and
     * payments (a few MB), not all of them.
     */
    private static SimulatorConnector sandbox(String name) {
        return SimulatorConnector.builder().name(name).memory(SANDBOX_MEMORY).build();
    }

    static final int SANDBOX_MEMORY = 10_000;

    /**
     * Redirect return URLs are signed with per-merchant secrets derived from {@code tender.redirect-secret};
     * several instances must share it. Without one, a random secret serves this process only.
     */
    @Singleton
    RedirectSecrets redirectSecrets(@Nullable @Value("${tender.redirect-secret:}") String secret) {
        if (secret == null || secret.length() < 32) {
            LOG.warn("tender.redirect-secret is not set (32+ characters): redirects and client secrets hold "
                    + "on this process only");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new DerivedRedirectSecrets(random);
        }
        return new DerivedRedirectSecrets(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The keys connector credentials are encrypted under ({@code tender.secrets.keys}, id → base64 key) and
     * the one new writes use ({@code tender.secrets.active-key}). Without a key, or with a key that is not 32
     * bytes, the service does not start: it is built at start, as the credentials are re-sealed then.
     */
    @Singleton
    SecretKeys secretKeys(Environment environment, @Nullable @Value("${tender.secrets.active-key:}") String active) {
        Map<String, String> keys = new TreeMap<>();
        // not the RAW key convention: it misses keys given as environment variables
        environment.getProperties("tender.secrets.keys")
                .forEach((id, key) -> keys.put(id, String.valueOf(key)));
        try {
            return SecretKeys.of(keys, active);
        } catch (IllegalArgumentException wrong) {
            throw new ConfigurationException(wrong.getMessage());
        }
    }

    /** The services' clock; a bean so a test can move it. */
    @Singleton
    TimeSource time() {
        // the database keeps microseconds: a finer clock would make saved times differ from read ones
        return () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Singleton
    Tender tender(Payments payments, Refunds refunds, Mandates mandates, IdempotencyKeys idempotencyKeys,
                  Outbox outbox, Reconciliations reconciliations, ConnectorAccounts accounts, Connectors connectors,
                  RedirectSecrets redirectSecrets, MerchantReturnUrls merchantReturnUrls, MeterRegistry registry,
                  UnitOfWork unitOfWork, TimeSource time, HeldCards heldCards,
                  @Value("${tender.cards.hold-ttl:15m}") Duration cardHoldTtl,
                  @Nullable @Value("${tender.return-url-base:}") String returnUrlBase,
                  @Value("${tender.reconciler.schedule:2m,5m,1h,1d,1d,1d}") List<Duration> reconcileSchedule,
                  @Value("${tender.connectors.call-budget:2m}") Duration callBudget,
                  @Value("${tender.reconciler.not-found-grace:5m}") Duration notFoundGrace) {
        Tender.Builder builder = Tender.builder()
                .payments(new MeteredPayments(payments, registry)).refunds(refunds).mandates(mandates).idempotencyKeys(idempotencyKeys)
                .outbox(outbox).reconciliations(reconciliations).connectorAccounts(accounts)
                // every processor's answer bounded to what its columns hold, whichever connector gives it
                .connectors(name -> connectors.named(name).map(BoundedConnector::new))
                .redirectSecrets(redirectSecrets).unitOfWork(unitOfWork)
                .time(time).ids(new RandomIdGenerator())
                .escalations(new LoggedEscalations(registry))
                .heldCards(heldCards, cardHoldTtl)
                .settings(ServiceSettings.defaults()
                        .withReconcileSchedule(io.vavr.collection.List.ofAll(reconcileSchedule))
                        .withCallBudget(callBudget, notFoundGrace));
        return (returnUrlBase == null || returnUrlBase.isBlank() ? builder
                : builder.returnEndpoint(returnUrlBase, merchantReturnUrls)).build();
    }
}
