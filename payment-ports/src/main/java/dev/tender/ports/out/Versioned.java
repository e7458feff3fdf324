package dev.tender.ports.out;

import java.util.Objects;

/** A stored value with the version that optimistic locking compares on the next save (0: never saved). */
public record Versioned<T>(T value, long version) {
    public Versioned {
        Objects.requireNonNull(value, "value");
    }

    public static <T> Versioned<T> fresh(T value) {
        return new Versioned<>(value, 0);
    }

    public Versioned<T> with(T newValue) {
        return new Versioned<>(newValue, version);
    }
}
