package dev.tender.inmemory;

import dev.tender.ports.out.StorageConflict;
import dev.tender.ports.out.Versioned;
import io.vavr.control.Either;

import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/** Insert-or-compare-and-set on a concurrent map: the in-memory stand-in for a unique key and a version column. */
final class Versions {

    private Versions() {
    }

    static <K, T> Either<StorageConflict, Versioned<T>> save(ConcurrentMap<K, Versioned<T>> rows, K key,
                                                           Versioned<T> value, String what) {
        AtomicReference<Either<StorageConflict, Versioned<T>>> result = new AtomicReference<>();
        rows.compute(key, (k, stored) -> {
            if (stored == null && value.version() != 0) {
                result.set(Either.left(StorageConflict.stale(what)));
                return null;
            }
            if (stored != null && value.version() == 0) {
                result.set(Either.left(StorageConflict.duplicate(what)));
                return stored;
            }
            if (stored != null && stored.version() != value.version()) {
                result.set(Either.left(StorageConflict.stale(what)));
                return stored;
            }
            Versioned<T> saved = new Versioned<>(value.value(), value.version() + 1);
            result.set(Either.right(saved));
            return saved;
        });
        return result.get();
    }
}
