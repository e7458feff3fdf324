package dev.tender.app.storage;

import dev.tender.ports.out.StorageConflict;

/** Thrown inside a transaction to roll it back; the adapter turns it into {@code Either.left(conflict)}. */
final class StorageConflictException extends RuntimeException {

    private final transient StorageConflict conflict;

    StorageConflictException(StorageConflict conflict) {
        super(conflict.message(), null, false, false);
        this.conflict = conflict;
    }

    StorageConflict conflict() {
        return conflict;
    }
}
