package dev.tender.inmemory;

import dev.tender.application.ServiceSettings;
import dev.tender.application.Tender;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.TimeSource;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * The whole flow in one JVM: {@link Tender} over the in-memory adapters, which stay reachable for
 * tests and inspection. Thread-safe.
 */
public final class InMemoryTender {

    public final InMemoryPayments payments = new InMemoryPayments();
    public final InMemoryRefunds refunds = new InMemoryRefunds();
    public final InMemoryMandates mandates = new InMemoryMandates();
    public final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final InMemoryReconciliations reconciliations = new InMemoryReconciliations();
    public final InMemoryConnectorAccounts accounts = new InMemoryConnectorAccounts();
    public final InMemoryMerchantReturnUrls returnUrls = new InMemoryMerchantReturnUrls();
    public final InMemoryHeldCards heldCards = new InMemoryHeldCards();
    public final Tender tender;

    public InMemoryTender(TimeSource time, ServiceSettings settings, Connector... connectors) {
        this(time, settings, null, connectors);
    }

    /** @param returnUrlBase Tender's return endpoint for redirects, or null to pass the merchant's on */
    public InMemoryTender(TimeSource time, ServiceSettings settings, String returnUrlBase, Connector... connectors) {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        Tender.Builder builder = Tender.builder()
                .payments(payments).refunds(refunds).mandates(mandates).idempotencyKeys(idempotencyKeys)
                .outbox(outbox).reconciliations(reconciliations).connectorAccounts(accounts)
                .connectors(ConnectorRegistry.of(connectors)).redirectSecrets(new DerivedRedirectSecrets(master))
                .time(time).ids(new RandomIdGenerator()).settings(settings)
                .heldCards(heldCards, Tender.DEFAULT_CARD_HOLD_TTL);
        this.tender = (returnUrlBase == null ? builder : builder.returnEndpoint(returnUrlBase, returnUrls)).build();
    }

    /** With the system clock and the default settings. */
    public static InMemoryTender withConnectors(Connector... connectors) {
        return new InMemoryTender(Instant::now, ServiceSettings.defaults(), connectors);
    }
}
