package dev.tender.ports.out;

import io.vavr.collection.List;

/** Events waiting to be delivered to merchants' webhooks, oldest first. */
public interface Outbox {

    void append(OutboxEvent event);

    List<OutboxEvent> pending(int limit);

    void delivered(String eventId);
}
