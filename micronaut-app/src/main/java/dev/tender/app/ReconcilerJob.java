package dev.tender.app;

import dev.tender.application.Tender;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reconciler on a schedule ({@code tender.reconciler.interval}, default 30 s). Several instances
 * on one database are safe: each due transaction is claimed by one of them.
 */
@Singleton
@Requires(property = "tender.reconciler.enabled", notEquals = "false")
public class ReconcilerJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilerJob.class);

    private final Tender tender;

    public ReconcilerJob(Tender tender) {
        this.tender = tender;
    }

    @Scheduled(fixedDelay = "${tender.reconciler.interval:30s}", initialDelay = "${tender.reconciler.initial-delay:30s}")
    void reconcile() {
        int synced = tender.reconciler().runOnce(100);
        if (synced > 0) {
            LOG.info("reconciler synced {} open transaction(s)", synced);
        }
    }
}
