package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.OutboxEvent;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.tender.app.storage.StorageFixtures.T0;
import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;

/** Webhook events in PostgreSQL: pending in the order appended until delivered. */
class JdbcOutboxTest {

    final JdbcOutbox outbox = EmbeddedDatabase.bean(JdbcOutbox.class);
    final MerchantId merchant = newMerchant("mer_out");

    /** The outbox is one queue for all merchants: what other tests left pending is delivered first. */
    @BeforeEach
    void deliverWhatOthersLeft() {
        for (List<OutboxEvent> pending = outbox.pending(100); !pending.isEmpty(); pending = outbox.pending(100)) {
            pending.forEach(e -> outbox.delivered(e.id()));
        }
    }

    OutboxEvent event(String id, Instant at) {
        return new OutboxEvent(merchant.value() + "_" + id, merchant, "payment_succeeded", PaymentId.of("pay_1"),
                Option.none(), PaymentStatus.SUCCEEDED, at);
    }

    @Test
    void eventsArePendingInTheOrderAppendedWithEveryField() {
        // given
        OutboxEvent refund = new OutboxEvent(merchant.value() + "_ev_refund", merchant, "refund_failed",
                PaymentId.of("pay_2"), Option.some(TransactionId.of("ref_1")), PaymentStatus.PARTIALLY_CAPTURED,
                T0.minusSeconds(60));

        // when
        outbox.append(event("ev_b", T0));
        outbox.append(refund);
        outbox.append(event("ev_a", T0.plusSeconds(1)));

        // then
        assertThat(outbox.pending(10)).containsExactly(event("ev_b", T0), refund, event("ev_a", T0.plusSeconds(1)));
        assertThat(outbox.pending(2)).containsExactly(event("ev_b", T0), refund);
        assertThat(outbox.pending(0)).isEmpty();
    }

    @Test
    void aDeliveredEventIsNoLongerPending() {
        // given
        outbox.append(event("ev_1", T0));
        outbox.append(event("ev_2", T0));

        // when
        outbox.delivered(event("ev_1", T0).id());
        outbox.delivered("no_such_event");

        // then
        assertThat(outbox.pending(10)).containsExactly(event("ev_2", T0));
    }

    @Test
    void appendingAnEventAgainKeepsTheFirst() {
        // given
        outbox.append(event("ev_1", T0));

        // when
        outbox.append(event("ev_1", T0.plusSeconds(5)));

        // then
        assertThat(outbox.pending(10)).containsExactly(event("ev_1", T0));
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        // when
        outbox.append(event("ev_nanos", Instant.parse("2025-03-01T10:00:00.123456789Z")));

        // then
        assertThat(outbox.pending(10).map(OutboxEvent::occurredAt))
                .containsExactly(Instant.parse("2025-03-01T10:00:00.123456Z"));
    }
}
