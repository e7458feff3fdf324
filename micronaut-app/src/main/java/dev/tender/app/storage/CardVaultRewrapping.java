package dev.tender.app.storage;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At every start, as {@link CredentialsResealing} does for credentials, moves every saved card's data key under the
 * active master key ({@link JdbcCardVault#rewrapAll()}): a rotation is adding a key, making it active, and
 * restarting. A start is refused while cards are wrapped under a key id that is not configured.
 */
@Singleton
final class CardVaultRewrapping implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CardVaultRewrapping.class);

    private final JdbcCardVault vault;

    CardVaultRewrapping(JdbcCardVault vault) {
        this.vault = vault;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        JdbcCardVault.Outcome outcome = vault.rewrapAll();
        if (outcome.rewrapped() > 0) {
            LOG.info("Saved cards: {} data keys re-wrapped under key {}", outcome.rewrapped(),
                    vault.activeKeyId());
        }
        if (!outcome.unreadable().isEmpty()) {
            LOG.error("Saved cards {} (merchant/token) do not open under their key: damaged, or moved from another "
                    + "row", outcome.unreadable());
        }
    }
}
