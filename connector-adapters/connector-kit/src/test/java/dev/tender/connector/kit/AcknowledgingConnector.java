package dev.tender.connector.kit;

import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The minimal connector with a processor that settles by notification, as Adyen does: it acknowledges
 * refunds ({@code Pending}) and cannot be asked in a sync ({@code Unknown}); it notifies what it decided
 * about each authorization and refund, and refuses a refund of a payment it does not know at once. A
 * delivery's body is the ids of its events, one per line. Each {@link Flaw} breaks one rule of the kit's
 * notification mode.
 */
final class AcknowledgingConnector extends MinimalConnector implements WebhookSource {

    enum Flaw {
        NONE, APPROVES_ACKNOWLEDGEMENTS, NEVER_NOTIFIES, NOTIFIES_TWICE, UNSTABLE_EVENT_IDS, REFUSES_NOTIFICATIONS
    }

    private final Flaw flaw;
    private final Map<TransactionId, List<Event>> notifications = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    AcknowledgingConnector(Defect defect, Flaw flaw) {
        super(defect);
        this.flaw = flaw;
    }

    /** The processor's notification about a call, if it decided anything about it. */
    Option<Delivery> notificationAbout(CallContext call) {
        if (flaw == Flaw.NEVER_NOTIFIES) {
            return Option.none();
        }
        return Option.of(notifications.get(call.transactionId())).map(events -> new Delivery(HashMap.empty(),
                events.map(Event::eventId).mkString("\n").getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
    }

    @Override
    public Either<Refused, List<Event>> read(Delivery delivery, ConnectorAccount account) {
        if (flaw == Flaw.REFUSES_NOTIFICATIONS) {
            return Either.left(new Refused("signature does not verify"));
        }
        List<String> ids = List.of(new String(delivery.body(), StandardCharsets.UTF_8).split("\n"));
        List<Event> events = List.ofAll(notifications.values()).flatMap(e -> e).filter(e -> ids.contains(e.eventId()));
        return Either.right(flaw != Flaw.UNSTABLE_EVENT_IDS ? events : events.map(e ->
                new Event(e.eventId() + "@" + reads.incrementAndGet(), e.paymentId(), e.transactionId(), e.outcome())));
    }

    @Override
    public Outcome authorize(ConnectorRequest.Authorize r) {
        Outcome decided = super.authorize(r);
        record(r.context(), decided);
        return decided;
    }

    @Override
    public Outcome refund(ConnectorRequest.Refund r) {
        Outcome decided = super.refund(r);
        if (decided instanceof Outcome.Declined declined && declined.code().equals(DeclineCodes.NOT_FOUND)) {
            return decided;
        }
        record(r.context(), decided);
        return flaw == Flaw.APPROVES_ACKNOWLEDGEMENTS ? Outcome.Approved.withoutReference() : Outcome.Pending.of();
    }

    @Override
    public Outcome sync(ConnectorRequest.Sync r) {
        return new Outcome.Unknown("the processor cannot be asked");
    }

    private void record(CallContext call, Outcome decided) {
        Event event = new Event("evt_" + call.transactionId().value(), call.paymentId(), call.transactionId(), decided);
        Event again = new Event(event.eventId() + "_again", call.paymentId(), call.transactionId(), decided);
        notifications.put(call.transactionId(), flaw != Flaw.NOTIFIES_TWICE ? List.of(event) : List.of(event, again));
    }
}
