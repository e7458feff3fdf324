package dev.tender.connector.simulator;

import dev.tender.ports.out.ConnectorRequest;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The faults the next calls meet. Two kinds of rule, checked in the order they were added, the first
 * match wins and is used up by that call:
 * <ul>
 *   <li>{@link #next(Class, int, Fault)}: the next {@code calls} calls of one operation, named by its
 *       request type ({@code ConnectorRequest.Capture.class});</li>
 *   <li>{@link #when(Predicate, Fault)}: every call whose request matches, until {@link #clear()}.</li>
 * </ul>
 * A call stopped by capabilities ({@code not_supported}) meets no fault. Thread-safe.
 */
public final class Faults {

    private record Rule(Predicate<? super ConnectorRequest> matching, Fault fault, int remaining) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /** The next {@code calls} calls of {@code operation} meet {@code fault}. */
    public synchronized Faults next(Class<? extends ConnectorRequest> operation, int calls, Fault fault) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fault, "fault");
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1: " + calls);
        }
        rules.add(new Rule(operation::isInstance, fault, calls));
        return this;
    }

    public Faults next(Class<? extends ConnectorRequest> operation, Fault fault) {
        return next(operation, 1, fault);
    }

    /** Every call matching {@code matching} meets {@code fault} until {@link #clear()}. */
    public synchronized Faults when(Predicate<? super ConnectorRequest> matching, Fault fault) {
        rules.add(new Rule(Objects.requireNonNull(matching, "matching"), Objects.requireNonNull(fault, "fault"),
                Integer.MAX_VALUE));
        return this;
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** The fault this call meets, using up one of a counted rule. */
    synchronized Option<Fault> take(ConnectorRequest request) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.matching().test(request)) {
                if (rule.remaining() == 1) {
                    rules.remove(i);
                } else if (rule.remaining() != Integer.MAX_VALUE) {
                    rules.set(i, new Rule(rule.matching(), rule.fault(), rule.remaining() - 1));
                }
                return Option.some(rule.fault());
            }
        }
        return Option.none();
    }
}
