package dev.tender.ports.out;

import java.time.Instant;

@FunctionalInterface
public interface TimeSource {
    Instant now();
}
