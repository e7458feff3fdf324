package dev.tender.app.webhooks;

import dev.tender.app.storage.JdbcWebhookEvents.Attempt;
import dev.tender.app.storage.JdbcWebhookEvents.Event;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** The events API's answers, as Hyperswitch's {@code TotalEventsResponse} and {@code EventRetrieveResponse}. */
final class EventResponses {

    private EventResponses() {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record TotalEventsResponse(List<EventListItemResponse> events, long totalCount) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record EventListItemResponse(String eventId, String merchantId, @Nullable String profileId, String objectId,
                                 String eventType, String eventClass, @Nullable Boolean isDeliverySuccessful,
                                 String initialAttemptId, String created) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record EventRetrieveResponse(String eventId, String merchantId, @Nullable String profileId, String objectId,
                                 String eventType, String eventClass, @Nullable Boolean isDeliverySuccessful,
                                 String initialAttemptId, String created, RequestContent request,
                                 ResponseContent response, String deliveryAttempt) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record RequestContent(String body, List<List<String>> headers) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ResponseContent(@Nullable String body, @Nullable List<List<String>> headers, @Nullable Integer statusCode,
                           @Nullable String errorMessage) {
    }

    static EventListItemResponse item(Event e, @Nullable String profile) {
        return new EventListItemResponse(e.eventId(), e.merchantId().value(), profile, e.objectId(), e.eventType(),
                eventClass(e), delivered(e), e.eventId(), e.occurredAt().toString());
    }

    /**
     * One attempt as Hyperswitch shows it: the first under the event's own id, each later one under
     * {@code <event_id>_<attempt>}, all naming the first as their initial attempt.
     */
    static EventRetrieveResponse attempt(Event e, Attempt a, @Nullable String profile) {
        String id = a.attempt() == 1 ? e.eventId() : e.eventId() + "_" + a.attempt();
        return new EventRetrieveResponse(id, e.merchantId().value(), profile, e.objectId(), e.eventType(),
                eventClass(e), delivered(e), e.eventId(), a.attemptedAt().toString(),
                new RequestContent(a.requestBody(), List.of(List.of("content-type", "application/json"),
                        List.of("user-agent", WebhookSender.USER_AGENT),
                        List.of(WebhookSender.SIGNATURE_HEADER.toLowerCase(java.util.Locale.ROOT), a.signature()))),
                new ResponseContent(a.responseBody().getOrNull(), null, a.statusCode().getOrNull(),
                        a.error().getOrNull()),
                a.manual() ? "manual_retry" : a.attempt() == 1 ? "initial_attempt" : "automatic_retry");
    }

    static String eventClass(Event e) {
        return e.refundId().isDefined() ? "refunds" : "payments";
    }

    /** Delivered, given up (or for no webhook), or still to be decided. */
    static @Nullable Boolean delivered(Event e) {
        return switch (e.status()) {
            case "delivered" -> Boolean.TRUE;
            case "pending" -> null;
            default -> Boolean.FALSE;
        };
    }
}
