package dev.tender.connector.kit;

import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.List;
import io.vavr.control.Either;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settles a call the way the service does for a processor that only acknowledges: the processor's
 * notification about the call, read by the connector's {@link WebhookSource}, is its outcome. The rules:
 * a call a notification settles answered {@code Pending} or {@code Unknown} (it could not know yet); the
 * notification names the call's payment and transaction with one final event; asked again about the
 * same call (a replay under its key, a sync), it is that same event, so the transaction settles once.
 * A call the processor sends nothing about keeps its answer, unless that answer is {@code Pending}.
 */
final class SettledByNotification implements Settle {

    private final Settlement.Notifications processor;
    private final WebhookSource connector;
    private final ConnectorAccount account;
    private final Map<TransactionId, WebhookSource.Event> settled = new HashMap<>();

    SettledByNotification(Settlement.Notifications processor, WebhookSource connector, ConnectorAccount account) {
        this.processor = processor;
        this.connector = connector;
        this.account = account;
    }

    @Override
    public Outcome settle(String operation, CallContext call, Outcome answer) {
        List<WebhookSource.Event> events = eventsAbout(operation, call);
        if (events.isEmpty()) {
            assertThat(answer).as("%s answered Pending, and the processor sent no notification about %s: nothing "
                    + "would ever settle it", operation, call.transactionId()).isNotInstanceOf(Outcome.Pending.class);
            return answer;
        }
        assertThat(events).as("%s: the processor's notification settles %s once, with one event",
                operation, call.transactionId()).hasSize(1);
        WebhookSource.Event event = events.head();
        assertThat(answer).as("%s answered before the processor decided: a call its notification settles answers "
                + "Pending or Unknown, never a guessed Approved or Declined", operation)
                .isInstanceOfAny(Outcome.Pending.class, Outcome.Unknown.class);
        assertThat(event.outcome()).as("%s: the notification's outcome is final", operation)
                .isInstanceOfAny(Outcome.Approved.class, Outcome.Declined.class);
        WebhookSource.Event earlier = settled.putIfAbsent(call.transactionId(), event);
        if (earlier != null) {
            assertThat(event).as("%s: asked again about %s, the processor's notification is the event that "
                    + "settled it, so it settles once", operation, call.transactionId()).isEqualTo(earlier);
        }
        return event.outcome();
    }

    /** The events of the processor's notification about the call that name its payment and transaction. */
    private List<WebhookSource.Event> eventsAbout(String operation, CallContext call) {
        return processor.about(call).map(delivery -> {
            Either<WebhookSource.Refused, List<WebhookSource.Event>> read = read(delivery);
            assertThat(read.isRight()).as("the connector refused the processor's notification about %s: %s",
                    operation, read.swap().map(WebhookSource.Refused::reason).getOrElse("")).isTrue();
            return read.get();
        }).getOrElse(List.empty()).filter(event -> event.paymentId().equals(call.paymentId())
                && event.transactionId().equals(call.transactionId()));
    }

    private Either<WebhookSource.Refused, List<WebhookSource.Event>> read(WebhookSource.Delivery delivery) {
        Either<WebhookSource.Refused, List<WebhookSource.Event>> read;
        try {
            read = connector.read(delivery, account);
        } catch (RuntimeException e) {
            throw new AssertionError("read threw " + e.getClass().getName()
                    + "; a WebhookSource never throws: a delivery it cannot trust or read is Refused", e);
        }
        assertThat(read).as("read answered null; a WebhookSource answers events or Refused").isNotNull();
        return read;
    }
}
