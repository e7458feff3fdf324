package dev.tender.app;

import dev.tender.application.Tender;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the held cards whose hold ({@code tender.cards.hold-ttl}) has ended, on a schedule
 * ({@code tender.cards.purge-interval}, default 1 min). A confirm already refuses them; this takes them out of
 * the database. One idempotent DELETE: every instance on one database may run it.
 */
@Singleton
@Requires(property = "tender.cards.purge-enabled", notEquals = "false")
public class HeldCardsPurgeJob {

    private static final Logger LOG = LoggerFactory.getLogger(HeldCardsPurgeJob.class);

    private final Tender tender;

    public HeldCardsPurgeJob(Tender tender) {
        this.tender = tender;
    }

    @Scheduled(fixedDelay = "${tender.cards.purge-interval:1m}", initialDelay = "${tender.cards.purge-interval:1m}")
    void purge() {
        int purged = tender.expiry().purgeHeldCards();
        if (purged > 0) {
            LOG.info("deleted {} held card(s) past their hold", purged);
        }
    }
}
