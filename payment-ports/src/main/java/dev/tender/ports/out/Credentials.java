package dev.tender.ports.out;

import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.Objects;

/** Secrets of a connector account. {@link #toString()} never shows a value, so a log line cannot leak one. */
public final class Credentials {

    private final Map<String, String> values;

    private Credentials(Map<String, String> values) {
        this.values = Objects.requireNonNull(values, "values");
    }

    public static Credentials of(Map<String, String> values) {
        return new Credentials(values);
    }

    public Option<String> get(String name) {
        return values.get(name);
    }

    public String require(String name) {
        return values.get(name).getOrElseThrow(() -> new IllegalStateException("credential missing: " + name));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Credentials" + values.keySet().toList().sorted().mkString("[", ", ", "=***]");
    }
}
