package dev.tender.ports.out;

import io.vavr.collection.List;

import java.util.Objects;

/** One page of a keyset-paginated list, newest first; {@code hasMore} says whether another page follows. */
public record Page<T>(List<T> items, boolean hasMore) {
    public Page {
        Objects.requireNonNull(items, "items");
    }
}
