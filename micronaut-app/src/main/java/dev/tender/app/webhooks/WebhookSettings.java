package dev.tender.app.webhooks;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/**
 * {@code tender.webhooks.*} (docs/configuration.md): how long a merchant's endpoint has to answer, when a failed
 * delivery is tried again, how often and how many events an instance claims.
 */
@Singleton
public final class WebhookSettings {

    /** Tried again after each of these (about 25 hours in all), then given up. */
    static final String DEFAULT_SCHEDULE = "1m,5m,15m,30m,1h,2h,4h,8h,9h";

    private final Duration timeout;
    private final List<Duration> schedule;
    private final int batch;

    public WebhookSettings(@Value("${tender.webhooks.timeout:5s}") Duration timeout,
                           @Value("${tender.webhooks.retry-schedule:" + DEFAULT_SCHEDULE + "}") String schedule,
                           @Value("${tender.webhooks.batch-size:50}") int batch) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("tender.webhooks.timeout must be positive: " + timeout);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("tender.webhooks.batch-size must be at least 1: " + batch);
        }
        this.timeout = timeout;
        this.schedule = parse(schedule);
        this.batch = batch;
    }

    Duration timeout() {
        return timeout;
    }

    /** The pause after the {@code attempt}-th failed attempt (1-based), or none: give up. */
    java.util.Optional<Duration> pauseAfter(int attempt) {
        return attempt >= 1 && attempt <= schedule.size() ? java.util.Optional.of(schedule.get(attempt - 1))
                : java.util.Optional.empty();
    }

    int batch() {
        return batch;
    }

    /** A claim outlives the attempts it covers: each may take the timeout, and they run side by side. */
    Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(30);
    }

    /** {@code 1m,5m,…}: durations as Micronaut reads them ({@code 500ms}, {@code 10s}, {@code 2h}, {@code 1d}). */
    static List<Duration> parse(String schedule) {
        List<Duration> pauses = new java.util.ArrayList<>();
        for (String part : schedule.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h|d)").matcher(p);
            if (!m.matches()) {
                throw new IllegalArgumentException("tender.webhooks.retry-schedule: not a duration: " + p);
            }
            long n = Long.parseLong(m.group(1));
            pauses.add(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return List.copyOf(pauses);
    }
}
