package dev.tender.ports.out;

import io.vavr.control.Option;

/** The connector implementations this process has, by name. */
@FunctionalInterface
public interface Connectors {
    Option<Connector> named(String name);
}
