package dev.tender.app.webhooks;

import dev.tender.app.api.ApiResponses;
import dev.tender.app.storage.JdbcPayments;
import dev.tender.app.storage.JdbcWebhookEvents;
import dev.tender.app.storage.JdbcWebhookEvents.Attempt;
import dev.tender.app.storage.JdbcWebhookEvents.Event;
import dev.tender.app.storage.MerchantStore;
import dev.tender.app.storage.WebhookTarget;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.Transaction;
import dev.tender.ports.out.RefundRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.vavr.collection.List;
import io.vavr.control.Option;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Delivers the outbox's events to merchants' webhooks (docs/webhooks.md): claims the due ones, renders each as
 * Hyperswitch's {@code OutgoingWebhook} from the payment as it was when the event was recorded, sends it signed,
 * and records the attempt: delivered on a 2xx, otherwise tried again after the next pause of
 * {@code tender.webhooks.retry-schedule}, and failed once the schedule is spent. At least once: an instance that
 * dies between the sending and the recording leaves the event to be sent again when its claim's lease ends;
 * receivers tell repeats apart by {@code event_id}.
 */
@Singleton
public final class WebhookDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    /** Hyperswitch's {@code OutgoingWebhook}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record OutgoingWebhook(String merchantId, String eventId, String eventType, Content content, String timestamp) {
    }

    /** {@code payment_details} with a {@code PaymentsResponse}, or {@code refund_details} with a refund's. */
    @Serdeable
    record Content(String type, Object object) {
    }

    /** An attempt's outcome, as the events API shows it. */
    public record Outcome(Event event, Option<Attempt> attempt) {
    }

    private final JdbcWebhookEvents events;
    private final JdbcPayments payments;
    private final MerchantStore merchants;
    private final ApiResponses responses;
    private final WebhookSender sender;
    private final TargetPolicy policy;
    private final WebhookSettings settings;
    private final JsonMapper json;
    private final MeterRegistry registry;

    public WebhookDelivery(JdbcWebhookEvents events, JdbcPayments payments, MerchantStore merchants,
                           ApiResponses responses, WebhookSender sender, TargetPolicy policy, WebhookSettings settings,
                           JsonMapper json, MeterRegistry registry) {
        this.events = events;
        this.payments = payments;
        this.merchants = merchants;
        this.responses = responses;
        this.sender = sender;
        this.policy = policy;
        this.settings = settings;
        this.json = json;
        this.registry = registry;
    }

    /**
     * Claims the due events and attempts each, side by side (one payment's are never in one claim); those no
     * webhook takes are marked skipped together. Returns how many were claimed.
     */
    public int deliverDue() {
        List<Event> due = events.claimDue(Instant.now(), settings.batch(), settings.lease());
        if (due.isEmpty()) {
            return 0;
        }
        java.util.Map<dev.tender.domain.payment.MerchantId, Optional<WebhookTarget>> targets =
                new java.util.HashMap<>();
        due.map(Event::merchantId).distinct().forEach(m -> targets.put(m, merchants.webhookTarget(m)));
        java.util.List<Event> skipped = new java.util.ArrayList<>();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<Future<?>> running = new java.util.ArrayList<>();
            for (Event event : due) {
                Optional<WebhookTarget> target = targets.get(event.merchantId());
                Option<Payment> payment = paymentOf(event);
                if (target.isEmpty() || payment.isEmpty() || !wanted(target.get(), event, payment.get())) {
                    skipped.add(event);
                } else {
                    running.add(workers.submit(() -> attempt(event, target.get(), payment.get(), true)));
                }
            }
            events.skip(skipped.stream().map(Event::eventId).toList());
            registry.counter("tender.webhooks.deliveries", "outcome", "skipped").increment(skipped.size());
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // the event keeps its claim until the lease ends, then comes back
                    LOG.warn("webhook delivery failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return due.size();
    }

    /**
     * Sends the merchant's event now, whatever its state (the events API's retry): none if it has no such event,
     * an outcome without an attempt if no webhook takes it.
     */
    public Option<Outcome> retry(dev.tender.domain.payment.MerchantId merchant, String eventId) {
        return events.find(merchant, eventId).map(event -> {
            Optional<WebhookTarget> target = merchants.webhookTarget(merchant);
            Option<Payment> payment = paymentOf(event);
            if (target.isEmpty() || payment.isEmpty() || !wanted(target.get(), event, payment.get())) {
                return new Outcome(event, Option.none());
            }
            Attempt attempt = attempt(event, target.get(), payment.get(), false);
            return new Outcome(events.find(merchant, eventId).getOrElse(event), Option.some(attempt));
        });
    }

    /** The payment as the event recorded it, else (an event written without it) as it is now. */
    private Option<Payment> paymentOf(Event event) {
        return event.payment().orElse(() -> payments.find(event.merchantId(), event.paymentId()));
    }

    /** One attempt of one event to the target, recorded; the attempt as recorded. */
    private Attempt attempt(Event event, WebhookTarget t, Payment payment, boolean scheduled) {
        byte[] body = body(event, payment);
        Instant at = Instant.now();
        String signature = WebhookSender.signature(body, t.hashKey());
        WebhookSender.Result result = policy.check(t.url().toString()).fold(
                refused -> new WebhookSender.Result(Optional.empty(), Optional.empty(),
                        Optional.of("the webhook_url is refused: " + refused), Duration.ZERO),
                url -> sender.send(url, body, signature, Optional.ofNullable(t.username()),
                        Optional.ofNullable(t.password())));
        boolean delivered = result.delivered();
        Option<Instant> next = delivered || !scheduled ? Option.none()
                : Option.ofOptional(settings.pauseAfter(event.attempts() + 1)).map(at::plus);
        String status = delivered ? JdbcWebhookEvents.DELIVERED
                : next.isDefined() ? JdbcWebhookEvents.PENDING : JdbcWebhookEvents.FAILED;
        Attempt attempt = new Attempt(event.eventId(), 0, !scheduled, at, t.url().toString(), signature,
                new String(body, StandardCharsets.UTF_8), Option.ofOptional(result.statusCode()),
                Option.ofOptional(result.body()), Option.ofOptional(result.error()),
                (int) Math.min(Integer.MAX_VALUE, result.took().toMillis()), delivered);
        int number = events.record(attempt, scheduled, status, next);
        registry.counter("tender.webhooks.deliveries", "outcome", !scheduled ? "manual"
                : delivered ? "delivered" : next.isDefined() ? "retrying" : "failed").increment();
        if (!delivered) {
            LOG.info("webhook {} of merchant {} not delivered (attempt {}): {}", event.eventId(),
                    event.merchantId().value(), number, result.error().orElse("status " + result.statusCode()
                            .map(String::valueOf).orElse("none")));
        }
        return new Attempt(attempt.eventId(), number, attempt.manual(), attempt.attemptedAt(), attempt.url(),
                attempt.signature(), attempt.requestBody(), attempt.statusCode(), attempt.responseBody(),
                attempt.error(), attempt.durationMs(), attempt.delivered());
    }

    /** Whether the merchant's webhook takes this event: its payment's or refund's status is one it enabled. */
    private static boolean wanted(WebhookTarget target, Event event, Payment payment) {
        return event.refundId().isDefined()
                ? refund(event, payment).exists(tx -> target.wantsRefund(tx.refundStatus().wireName()))
                : target.wantsPayment(payment.status().wireName());
    }

    private static Option<Transaction> refund(Event event, Payment payment) {
        return event.refundId().flatMap(payment::transaction);
    }

    /** The webhook's body: the event, and the payment or refund as the API shows it, from the payment given. */
    byte[] body(Event event, Payment payment) {
        Content content = event.refundId().isDefined()
                ? new Content("refund_details", responses.refund(RefundRecord.of(payment, refund(event, payment)
                .getOrElseThrow(() -> new IllegalStateException("refund " + event.refundId().get()
                        + " is not in its payment"))), payment))
                : new Content("payment_details", responses.payment(payment));
        try {
            return json.writeValueAsBytes(new OutgoingWebhook(event.merchantId().value(), event.eventId(),
                    event.eventType(), content, event.occurredAt().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
