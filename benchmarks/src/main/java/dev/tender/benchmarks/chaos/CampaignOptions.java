package dev.tender.benchmarks.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How big and how hostile a campaign is. {@code flows} and {@code minKills} are both reached before the
 * clients stop (within {@code maxDuration}); {@code faultRate} is the share of processor calls given a
 * fault; kills come every {@code killMin}–{@code killMax} ({@code minKills} 0: no kills).
 */
public record CampaignOptions(int flows, int clients, double faultRate, int minKills, Duration killMin,
                              Duration killMax, Duration killDown, Duration hang, Duration slow,
                              Duration settleTimeout, Duration patience, Duration maxDuration, Path serviceJar,
                              Path out, List<String> serviceJvm) {

    /** The service's settings for a campaign: a quick reconciler, short connector timeouts and leases. */
    static final Map<String, String> SERVICE_SETTINGS = Map.of(
            "tender.reconciler.interval", "1s",
            "tender.reconciler.initial-delay", "1s",
            "tender.reconciler.schedule", "1s,2s,4s,8s,15s,30s",
            "tender.reconciler.not-found-grace", "10s",
            "tender.connectors.read-timeout", "2s",
            "tender.connectors.call-budget", "10s",
            "tender.idempotency.lease", "15s");

    static final List<String> SERVICE_JVM = List.of("-Xms128m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=128m", "-Xss512k");

    /** The long form ({@code mvn -Pchaos}): the figures issue 12 asks for. */
    public static CampaignOptions longForm(Path root) {
        return new CampaignOptions(2_000, 16, 0.15, 8, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(800), Duration.ofMinutes(4),
                Duration.ofSeconds(60), Duration.ofMinutes(40), root.resolve("micronaut-app/target/tender-service.jar"),
                root.resolve("benchmarks/target/chaos"), SERVICE_JVM);
    }

    /** The short form run by {@code mvn verify}: about two minutes. */
    public static CampaignOptions shortForm(Path root) {
        return new CampaignOptions(150, 8, 0.2, 2, Duration.ofSeconds(6), Duration.ofSeconds(12),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofSeconds(60),
                Duration.ofSeconds(20), Duration.ofMinutes(5), root.resolve("micronaut-app/target/tender-service.jar"),
                root.resolve("benchmarks/target/chaos-short"), SERVICE_JVM);
    }

    /**
     * These options with the ones given by name ({@code flows}, {@code clients}, {@code faults} (0–1),
     * {@code kills} (at least; 0 for none), {@code kill-every} (seconds, {@code min-max}), {@code out}
     * (relative to {@code root})).
     */
    public CampaignOptions with(Map<String, String> given, Path root) {
        String[] every = given.getOrDefault("kill-every", killMin.toSeconds() + "-" + killMax.toSeconds()).split("-");
        return new CampaignOptions(Integer.parseInt(given.getOrDefault("flows", Integer.toString(flows))),
                Integer.parseInt(given.getOrDefault("clients", Integer.toString(clients))),
                Double.parseDouble(given.getOrDefault("faults", Double.toString(faultRate))),
                Integer.parseInt(given.getOrDefault("kills", Integer.toString(minKills))),
                Duration.ofSeconds(Long.parseLong(every[0])), Duration.ofSeconds(Long.parseLong(every[1])), killDown,
                hang, slow, settleTimeout, patience, maxDuration, serviceJar,
                given.containsKey("out") ? root.resolve(given.get("out")) : out, serviceJvm);
    }

    /** The service's JVM options with the campaign's settings as system properties. */
    List<String> jvm() {
        List<String> options = new java.util.ArrayList<>(serviceJvm);
        SERVICE_SETTINGS.forEach((name, value) -> options.add("-D" + name + "=" + value));
        return options;
    }
}
