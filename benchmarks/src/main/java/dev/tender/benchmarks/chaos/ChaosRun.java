package dev.tender.benchmarks.chaos;

import java.nio.file.Path;
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
        CampaignOptions options = CampaignOptions.longForm(root).with(given, root);
        CampaignReport report = new Campaign(options).run();
        System.out.println(report.text());
        System.exit(report.discrepancies() == 0 ? 0 : 1);
    }
}
