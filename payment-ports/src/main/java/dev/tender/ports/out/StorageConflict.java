package dev.tender.ports.out;

/** A save lost a race: the id exists already, or someone saved a newer version first. Reload and retry. */
public record StorageConflict(Kind kind, String message) {

    public enum Kind { DUPLICATE_ID, STALE_VERSION }

    public static StorageConflict duplicate(String what) {
        return new StorageConflict(Kind.DUPLICATE_ID, what + " already exists");
    }

    public static StorageConflict stale(String what) {
        return new StorageConflict(Kind.STALE_VERSION, what + " was changed concurrently");
    }
}
