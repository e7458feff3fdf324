package dev.tender.app;

import dev.tender.application.Tender;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lapses authorizations past their window on a schedule ({@code tender.expiry.interval}, default 1 min):
 * voided at the processor, the payments end {@code expired}. Several instances on one database are safe:
 * saving the expiry under the payment's version lets one of them send the void.
 */
@Singleton
@Requires(property = "tender.expiry.enabled", notEquals = "false")
public class ExpiryJob {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryJob.class);

    private final Tender tender;

    public ExpiryJob(Tender tender) {
        this.tender = tender;
    }

    @Scheduled(fixedDelay = "${tender.expiry.interval:1m}", initialDelay = "${tender.expiry.initial-delay:30s}")
    void expire() {
        int ended = tender.expiry().runOnce(100);
        if (ended > 0) {
            LOG.info("expiry released {} lapsed authorization(s)", ended);
        }
    }
}
