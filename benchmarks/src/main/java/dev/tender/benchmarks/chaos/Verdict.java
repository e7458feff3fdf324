package dev.tender.benchmarks.chaos;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every discrepancy between Tender and the processor's ledger, by kind, each with what both said. */
final class Verdict {

    enum Kind {
        CHARGE_WITHOUT_PAYMENT("charges without a payment"),
        DOUBLE_CHARGE("double charges"),
        MONEY_MISMATCH("money mismatches (captured, refunded or capturable total)"),
        ACKNOWLEDGED_NOT_AT_PROCESSOR("acknowledged captures or refunds the processor does not have"),
        LEFT_OPEN("payments left open after reconciliation"),
        KEY_STUCK("keys stuck in progress (409 on the final retry)"),
        SERVER_ERROR("5xx answers from a live instance");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Map<Kind, List<String>> found = new EnumMap<>(Kind.class);

    Verdict() {
        for (Kind kind : Kind.values()) {
            found.put(kind, new ArrayList<>());
        }
    }

    synchronized void add(Kind kind, String detail) {
        found.get(kind).add(detail);
    }

    synchronized int count(Kind kind) {
        return found.get(kind).size();
    }

    synchronized List<String> details(Kind kind) {
        return List.copyOf(found.get(kind));
    }

    synchronized int total() {
        return found.values().stream().mapToInt(List::size).sum();
    }
}
