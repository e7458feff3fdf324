package dev.tender.benchmarks.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** A campaign's figures and verdict, as the table it prints. */
public record CampaignReport(CampaignOptions options, Figures figures, JsonNode faults, int payments,
                             Duration flowTime, long openAfterSettle, Verdict verdict) {

    private static final int SAMPLES = 5;

    /** The number of discrepancies of every kind: the campaign passes only at 0. */
    public int discrepancies() {
        return verdict.total();
    }

    public long flows() {
        return figures.flows.get();
    }

    public long kills() {
        return figures.kills.get();
    }

    public long processorCalls() {
        return faults.path("calls").asLong();
    }

    public long faultsInjected() {
        long sum = 0;
        for (Fault fault : Fault.values()) {
            if (fault != Fault.NONE) {
                sum += faults.path(fault.name().toLowerCase(Locale.ROOT)).asLong();
            }
        }
        return sum;
    }

    public String text() {
        StringBuilder text = new StringBuilder("# Fault campaign\n\n| Figure | Value |\n|---|---:|\n");
        row(text, "payment flows", flows());
        row(text, "payments judged", payments);
        row(text, "merchant operations (requests, each with its key)", figures.operations.get());
        row(text, "HTTP attempts (retries included)", figures.attempts.get());
        row(text, "retries", figures.retries.get());
        row(text, "connections refused, reset or timed out", figures.connectionErrors.get());
        row(text, "instances killed (kill -9)", kills());
        row(text, "processor calls", processorCalls());
        long injected = faultsInjected();
        text.append("| processor faults injected | ").append(injected).append(String.format(Locale.ROOT,
                " (%.1f %%) |%n", processorCalls() == 0 ? 0.0 : 100.0 * injected / processorCalls()));
        for (Fault fault : Fault.values()) {
            if (fault != Fault.NONE) {
                String name = fault.name().toLowerCase(Locale.ROOT);
                row(text, "  " + name.replace('_', ' '), faults.path(name).asLong());
            }
        }
        row(text, "flow phase (s)", flowTime.toSeconds());
        row(text, "still open when the settle wait ended", openAfterSettle);
        text.append("\nMerchant requests by last answer (before the final retry; -1 never answered): ")
                .append(figures.answers).append("  \nPayments by Tender's status: ").append(figures.statuses)
                .append("  \nFailed payments by error: ").append(figures.failures).append('\n');
        text.append("\n| Discrepancy | Count |\n|---|---:|\n");
        for (Verdict.Kind kind : Verdict.Kind.values()) {
            row(text, kind.label, verdict.count(kind));
        }
        for (Verdict.Kind kind : Verdict.Kind.values()) {
            List<String> details = verdict.details(kind);
            if (!details.isEmpty()) {
                text.append("\n## ").append(kind.label).append(" (").append(details.size()).append(")\n\n");
                details.stream().limit(SAMPLES).forEach(d -> text.append("- ").append(d).append('\n'));
                if (details.size() > SAMPLES) {
                    text.append("- … and ").append(details.size() - SAMPLES).append(" more\n");
                }
            }
        }
        text.append(String.format(Locale.ROOT, "%nVerdict: %s%n", discrepancies() == 0 ? "PASS, Tender and the "
                + "processor agree on every payment" : "FAIL, " + discrepancies() + " discrepancies"));
        return text.toString();
    }

    private static void row(StringBuilder text, String name, long value) {
        text.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
