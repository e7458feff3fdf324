package dev.tender.benchmarks.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The recorded processor answers and notifications under {@code src/main/resources/dev/tender/benchmarks/jmh}:
 * shaped like the examples of Stripe's and Adyen's API references, with every field a real answer carries
 * (a benchmark on the connectors' trimmed test fixtures would read less than production does), and with the
 * ids of {@link ConnectorCalls}.
 */
final class Payloads {

    private Payloads() {
    }

    static String read(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
