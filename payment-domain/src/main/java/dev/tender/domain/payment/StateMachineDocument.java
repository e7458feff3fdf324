package dev.tender.domain.payment;

import io.vavr.collection.List;

/**
 * Renders the transition table as Markdown: a Mermaid state diagram and the tables behind it. The
 * generated part of {@code docs/state-machine.md} is exactly {@link #generatedSection()}; a test keeps
 * the committed file equal to it.
 */
public final class StateMachineDocument {

    public static final String BEGIN = "<!-- generated from TransitionTable: do not edit by hand -->";
    public static final String END = "<!-- end of generated section -->";

    private StateMachineDocument() {
    }

    public static String generatedSection() {
        return BEGIN + "\n\n" + diagram() + "\n" + allowedTable() + "\n" + transitionTable() + "\n" + END + "\n";
    }

    /** One arrow per pair of statuses, labelled with the operations that move the payment along it. */
    public static String diagram() {
        StringBuilder out = new StringBuilder("```mermaid\nstateDiagram-v2\n");
        TransitionTable.transitions()
                .groupBy(t -> t.from().map(PaymentStatus::wireName).getOrElse("[*]") + " --> " + t.to().wireName())
                .toList()
                .sortBy(group -> order(group._2.head()))
                .forEach(group -> out.append("    ").append(group._1).append(" : ")
                        .append(group._2.map(t -> t.operation().wireName()).distinct().mkString(", "))
                        .append('\n'));
        List.of(PaymentStatus.values()).filter(PaymentStatus::isTerminal)
                .forEach(status -> out.append("    ").append(status.wireName()).append(" --> [*]\n"));
        return out.append("```\n").toString();
    }

    /** The table itself: for each operation, the statuses it may start from. */
    public static String allowedTable() {
        StringBuilder out = new StringBuilder("| Operation | Allowed from |\n|---|---|\n");
        TransitionTable.allowed().forEach((operation, from) -> out.append("| `").append(operation.wireName())
                .append("` | ").append(from.isEmpty() ? "— (a new payment)"
                        : from.toList().sorted().map(s -> "`" + s.wireName() + "`").mkString(", "))
                .append(" |\n"));
        return out.toString();
    }

    /** Every change of status, with the operation (or the operation whose outcome it is) and when. */
    public static String transitionTable() {
        StringBuilder out = new StringBuilder("| From | Operation | When | To |\n|---|---|---|---|\n");
        TransitionTable.transitions().sortBy(StateMachineDocument::order).forEach(t -> out.append("| ")
                .append(t.from().map(s -> "`" + s.wireName() + "`").getOrElse("—")).append(" | `")
                .append(t.operation().wireName()).append("` | ").append(t.when()).append(" | `")
                .append(t.to().wireName()).append("` |\n"));
        return out.toString();
    }

    private static String order(Transition t) {
        return List.of(t.from().map(s -> String.format("%02d", s.ordinal())).getOrElse("00-"),
                String.format("%02d", t.operation().ordinal()), String.format("%02d", t.to().ordinal())).mkString();
    }
}
