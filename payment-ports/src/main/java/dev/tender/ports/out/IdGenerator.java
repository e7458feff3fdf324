package dev.tender.ports.out;

/** New unique ids, e.g. {@code next("pay")} → {@code pay_…}. */
@FunctionalInterface
public interface IdGenerator {
    String next(String prefix);
}
