package dev.tender.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** TEST FIXTURE: waits for a background job of the service (reconciler, expiry, webhooks) to do its work. */
public final class Eventually {

    private Eventually() {
    }

    /** Reads the payment every 50 ms until it has {@code status}, or fails after {@code within}; returns it. */
    public static Map<String, Object> status(Supplier<Map<String, Object>> read, String status, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Map<String, Object> payment = read.get();
        while (!status.equals(payment.get("status")) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            payment = read.get();
        }
        assertThat(payment).as("%s within %s", status, within).containsEntry("status", status);
        return payment;
    }

    /** Runs {@code check} every 50 ms until it passes, or throws its last failure after {@code within}. */
    public static void within(Duration within, Runnable check) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
