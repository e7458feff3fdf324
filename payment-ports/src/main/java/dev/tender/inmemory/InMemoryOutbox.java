package dev.tender.inmemory;

import dev.tender.ports.out.Outbox;
import dev.tender.ports.out.OutboxEvent;
import io.vavr.collection.List;

import java.util.concurrent.ConcurrentLinkedQueue;

public final class InMemoryOutbox implements Outbox {

    private final ConcurrentLinkedQueue<OutboxEvent> pending = new ConcurrentLinkedQueue<>();

    @Override
    public void append(OutboxEvent event) {
        pending.add(event);
    }

    @Override
    public List<OutboxEvent> pending(int limit) {
        return List.ofAll(pending).take(limit);
    }

    @Override
    public void delivered(String eventId) {
        pending.removeIf(e -> e.id().equals(eventId));
    }
}
