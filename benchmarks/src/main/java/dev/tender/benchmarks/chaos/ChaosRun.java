package dev.tender.benchmarks.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The long fault campaign ({@code mvn -Pchaos -pl micronaut-app,benchmarks -am -DskipTests verify}); prints
 * its figures and exits 1 on any discrepancy. Options ({@code --name value}, default the long form's):
 * {@code flows}, {@code clients}, {@code faults} (share of processor calls, 0–1), {@code kills} (at least;
 * 0 for none), {@code kill-every} (seconds, {@code min-max}), {@code out}.
 */
public final class ChaosRun {

    private ChaosRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path root = Campaign.root();
        CampaignOptions options = CampaignOptions.longForm(root);
        if (given.containsKey("flows")) {
            options = options.withFlows(Integer.parseInt(given.get("flows")));
        }
        if (given.containsKey("clients")) {
            options = options.withClients(Integer.parseInt(given.get("clients")));
        }
        if (given.containsKey("faults")) {
            options = options.withFaultRate(Double.parseDouble(given.get("faults")));
        }
        if (given.containsKey("kills") || given.containsKey("kill-every")) {
            String[] every = given.getOrDefault("kill-every", "10-30").split("-");
            options = options.withKills(Integer.parseInt(given.getOrDefault("kills", "8")),
                    Duration.ofSeconds(Long.parseLong(every[0])), Duration.ofSeconds(Long.parseLong(every[1])));
        }
        if (given.containsKey("out")) {
            options = options.withOut(root.resolve(given.get("out")));
        }
        CampaignReport report = new Campaign(options).run();
        System.out.println(report.text());
        System.exit(report.discrepancies() == 0 ? 0 : 1);
    }
}
