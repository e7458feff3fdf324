package dev.tender.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** TEST FIXTURE: waits for a background job of the service (reconciler, expiry) to bring a payment to a status. */
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
}
