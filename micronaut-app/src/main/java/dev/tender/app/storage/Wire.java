package dev.tender.app.storage;

import java.util.Locale;

/** Enums in text columns: every storable enum's wire name is its name in lower case. */
final class Wire {

    private Wire() {
    }

    static <E extends Enum<E>> E wire(Class<E> type, String wireName) {
        return Enum.valueOf(type, wireName.toUpperCase(Locale.ROOT));
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
