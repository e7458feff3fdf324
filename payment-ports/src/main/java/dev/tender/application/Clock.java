package dev.tender.application;

import dev.tender.ports.out.IdGenerator;
import dev.tender.ports.out.TimeSource;

import java.time.Instant;

/** Time, ids and settings, the things every service reads. */
record Clock(TimeSource time, IdGenerator ids, ServiceSettings settings) {
    Instant now() {
        return time.now();
    }
}
