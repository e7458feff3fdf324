package dev.tender.ports.out;

import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;

import java.time.Instant;
import java.util.Objects;

/**
 * What a connector implements, besides {@link Connector}, when its processor sends notifications
 * (webhooks): it verifies a delivery with the account's credentials before reading anything, and reads
 * it as outcomes of Tender's own transactions (named by the ids Tender sent with each request). The
 * service applies them as it applies a sync: forward only, idempotent.
 */
public interface WebhookSource {

    /** The events of one delivery, or why it is refused (bad or missing signature, unreadable body). */
    Either<Refused, List<Event>> read(Delivery delivery, ConnectorAccount account);

    /** One delivery as it arrived: header names in lower case, the body's exact bytes. */
    record Delivery(Map<String, String> headers, byte[] body, Instant receivedAt) {
        public Delivery {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** An outcome of one of Tender's transactions, as the processor reports it. */
    record Event(String eventId, PaymentId paymentId, TransactionId transactionId, Outcome outcome) {
        public Event {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Why a delivery was not read; says nothing of the body. */
    record Refused(String reason) {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
