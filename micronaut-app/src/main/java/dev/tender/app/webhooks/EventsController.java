package dev.tender.app.webhooks;

import dev.tender.app.auth.Access;
import dev.tender.app.auth.AccessLevel;
import dev.tender.app.http.ApiErrors;
import dev.tender.app.http.ErrorResponse;
import dev.tender.app.http.Instants;
import dev.tender.app.http.JsonBody;
import dev.tender.app.http.RequestBinder;
import dev.tender.app.storage.JdbcWebhookEvents;
import dev.tender.app.storage.JdbcWebhookEvents.Event;
import dev.tender.app.storage.MerchantStore;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Hyperswitch's events API: a merchant's webhook events, each one's delivery attempts, and a manual retry. Open
 * to the admin key and to the merchant's own secret key, for its own events only (another merchant's event is
 * not found).
 */
@ApiResponse(responseCode = "4XX", description = "Hyperswitch's error body",
        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
@Controller("/events/{merchant_id}")
@Access(value = AccessLevel.MERCHANT_OR_ADMIN, merchantVariable = "merchant_id")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EventsController {

    static final Set<String> EVENT_CLASSES = Set.of("payments", "refunds", "disputes", "mandates", "payouts",
            "subscriptions");
    static final Set<String> EVENT_TYPES = Set.of("payment_succeeded", "payment_failed", "payment_processing",
            "payment_cancelled", "payment_cancelled_post_capture", "payment_authorized", "payment_partially_authorized",
            "payment_captured", "payment_expired", "action_required", "refund_succeeded", "refund_failed",
            "dispute_opened", "dispute_expired", "dispute_accepted", "dispute_cancelled", "dispute_challenged",
            "dispute_won", "dispute_lost", "mandate_active", "mandate_revoked", "payout_success", "payout_failed",
            "payout_initiated", "payout_processing", "payout_cancelled", "payout_expired", "payout_reversed",
            "invoice_paid");

    private final JdbcWebhookEvents events;
    private final WebhookDelivery delivery;
    private final MerchantStore merchants;
    private final JsonMapper json;
    private final RequestBinder binder;

    public EventsController(JdbcWebhookEvents events, WebhookDelivery delivery, MerchantStore merchants,
                            JsonMapper json, RequestBinder binder) {
        this.events = events;
        this.delivery = delivery;
        this.merchants = merchants;
        this.json = json;
        this.binder = binder;
    }

    /** The merchant's events, newest first, filtered and paged ({@code limit} 0–100, default 10). */
    @Post
    @RequestBody(content = @Content(schema = @Schema(ref = "#/components/schemas/EventListConstraints")))
    @ApiResponse(responseCode = "200", description = "The events and how many pass the filters",
            content = @Content(schema = @Schema(ref = "#/components/schemas/TotalEventsResponse")))
    public EventResponses.TotalEventsResponse list(@PathVariable("merchant_id") String merchantId,
                                                   @Nullable @Body String body) {
        JsonBody fields = JsonBody.parse(json, body);
        EventListConstraints c = binder.read(fields, EventListConstraints.class);
        Option<Instant> after = time(fields, "created_after", c.createdAfter());
        Option<Instant> before = time(fields, "created_before", c.createdBefore());
        checkAll(fields, "event_classes", c.eventClasses(), EVENT_CLASSES);
        checkAll(fields, "event_types", c.eventTypes(), EVENT_TYPES);
        fields.requireValid();
        MerchantId merchant = MerchantId.of(merchantId);
        String profile = merchants.defaultProfileId(merchant).orElse(null);
        Set<String> types = new java.util.HashSet<>(c.eventTypes() == null ? List.of() : c.eventTypes());
        boolean byClass = c.eventClasses() != null && !c.eventClasses().isEmpty();
        if (byClass) {
            // a class is the types of its objects: Tender records payments' and refunds' events
            Set<String> ofClasses = new java.util.HashSet<>();
            EVENT_TYPES.stream().filter(t -> c.eventClasses().contains(t.startsWith("refund_") ? "refunds"
                    : t.startsWith("payment_") || t.equals("action_required") ? "payments" : "other"))
                    .forEach(ofClasses::add);
            if (types.isEmpty()) {
                types = ofClasses;
            } else {
                types.retainAll(ofClasses);
            }
        }
        // events are the merchant's default profile's; no type of the classes asked for: nothing matches
        if (c.profileId() != null && !c.profileId().equals(profile) || byClass && types.isEmpty()) {
            return new EventResponses.TotalEventsResponse(List.of(), 0);
        }
        JdbcWebhookEvents.Page page = events.list(merchant, new JdbcWebhookEvents.Filter(after, before,
                Option.of(c.objectId()), Option.of(c.eventId()), types, Option.of(c.isDelivered())),
                c.limit() == null ? EventListConstraints.DEFAULT_LIMIT : c.limit().intValue(),
                c.offset() == null ? 0 : c.offset().intValue());
        return new EventResponses.TotalEventsResponse(page.events().map(e -> EventResponses.item(e, profile))
                .asJava(), page.total());
    }

    /** Every delivery attempt of the event, first first. */
    @Get("/{event_id}/attempts")
    @ApiResponse(responseCode = "200", description = "The event's delivery attempts", content = @Content(
            array = @ArraySchema(schema = @Schema(ref = "#/components/schemas/EventRetrieveResponse"))))
    public List<EventResponses.EventRetrieveResponse> attempts(@PathVariable("merchant_id") String merchantId,
                                                               @PathVariable("event_id") String eventId) {
        MerchantId merchant = MerchantId.of(merchantId);
        Event event = events.find(merchant, eventId).getOrElseThrow(() -> ApiErrors.notFound("Event"));
        String profile = merchants.defaultProfileId(merchant).orElse(null);
        return events.attempts(merchant, eventId).map(a -> EventResponses.attempt(event, a, profile)).asJava();
    }

    /** Sends the event again now, whatever its state; the answer is that attempt. */
    @Post("/{event_id}/retry")
    @ApiResponse(responseCode = "200", description = "The attempt made",
            content = @Content(schema = @Schema(ref = "#/components/schemas/EventRetrieveResponse")))
    public EventResponses.EventRetrieveResponse retry(@PathVariable("merchant_id") String merchantId,
                                                      @PathVariable("event_id") String eventId) {
        MerchantId merchant = MerchantId.of(merchantId);
        WebhookDelivery.Outcome outcome = delivery.retry(merchant, eventId)
                .getOrElseThrow(() -> ApiErrors.notFound("Event"));
        String profile = merchants.defaultProfileId(merchant).orElse(null);
        return outcome.attempt().map(a -> EventResponses.attempt(outcome.event(), a, profile))
                .getOrElseThrow(() -> ApiErrors.invalid("The merchant has no webhook for this event: set "
                        + "webhook_details.webhook_url (and enable the event's status) on the merchant account"));
    }

    private static Option<Instant> time(JsonBody fields, String name, @Nullable String value) {
        if (value == null) {
            return Option.none();
        }
        return Instants.parse(name, value).fold(error -> {
            fields.error(name, error.message());
            return Option.none();
        }, Option::some);
    }

    private static void checkAll(JsonBody fields, String name, @Nullable List<String> values, Set<String> allowed) {
        if (values != null && !allowed.containsAll(values)) {
            fields.error(name, "must each be one of " + new java.util.TreeSet<>(allowed));
        }
    }
}
