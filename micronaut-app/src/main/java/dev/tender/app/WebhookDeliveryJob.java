package dev.tender.app;

import dev.tender.app.storage.JdbcWebhookEvents;
import dev.tender.app.webhooks.WebhookDelivery;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers merchants' webhooks on a schedule ({@code tender.webhooks.poll-interval}, default 1 s), claiming a
 * batch at a time until none is due. On its own threads: a slow endpoint never holds a payment request. Several
 * instances on one database share the work: each event is claimed by one of them at a time. Also keeps the
 * gauges of the backlog: {@code tender.webhooks.queue.depth} (events still to be attempted) and
 * {@code tender.webhooks.queue.oldest.seconds} (how long ago the oldest of them was recorded).
 */
@Singleton
@Requires(property = "tender.webhooks.enabled", notEquals = "false")
public class WebhookDeliveryJob {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryJob.class);

    private final WebhookDelivery delivery;
    private final JdbcWebhookEvents events;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public WebhookDeliveryJob(WebhookDelivery delivery, JdbcWebhookEvents events, MeterRegistry registry) {
        this.delivery = delivery;
        this.events = events;
        Gauge.builder("tender.webhooks.queue.depth", depth, AtomicLong::get)
                .description("webhook events still to be attempted").register(registry);
        Gauge.builder("tender.webhooks.queue.oldest.seconds", oldestSeconds, AtomicLong::get)
                .description("age of the oldest webhook event still to be attempted").register(registry);
    }

    @Scheduled(fixedDelay = "${tender.webhooks.poll-interval:1s}", initialDelay = "${tender.webhooks.initial-delay:5s}")
    void deliver() {
        int attempted = 0;
        int batch;
        do {
            batch = delivery.deliverDue();
            attempted += batch;
        } while (batch > 0 && attempted < 1_000);
        if (attempted > 0) {
            LOG.debug("webhooks: {} attempt(s)", attempted);
        }
        JdbcWebhookEvents.Backlog backlog = events.backlog();
        depth.set(backlog.events());
        oldestSeconds.set(backlog.oldest().map(t -> Math.max(0, Duration.between(t, Instant.now()).toSeconds()))
                .getOrElse(0L));
    }
}
