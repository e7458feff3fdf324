package dev.tender.domain.payment.properties;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** Generators of scenarios: a fresh payment and up to 50 commands and observations, weighted to matter. */
final class Scenarios {

    private Scenarios() {
    }

    private record Start(CaptureMethod captureMethod, long amount, String currency, boolean withMethod,
                         boolean mandateSetup) {
    }

    static Gen<Scenario> scenarios() {
        Gen<CaptureMethod> captureMethod = Generate.enumValues(CaptureMethod.class);
        Gen<String> currency = Generate.pick(java.util.List.of("USD", "JPY", "KWD"));
        Gen<List<Step>> random = lists().of(step()).ofSizeBetween(0, 50).map(l -> List.ofAll(l));
        Gen<List<Step>> purposeful = lists().of(episode()).ofSizeBetween(1, 6)
                .map(l -> List.ofAll(l).flatMap(e -> e))
                .zip(random, List::appendAll);
        Gen<List<Step>> steps = Generate.frequency(Pair.of(1, random), Pair.of(1, purposeful));
        Gen<Boolean> mostlyTrue = Generate.frequency(Pair.of(4, Generate.constant(true)),
                Pair.of(1, Generate.constant(false)));
        Gen<Boolean> rarelyTrue = Generate.frequency(Pair.of(1, Generate.constant(true)),
                Pair.of(6, Generate.constant(false)));
        return captureMethod.zip(initialAmount(), currency, mostlyTrue, rarelyTrue, Start::new)
                .zip(steps, (start, tail) -> new Scenario(start.captureMethod(), start.amount(), start.currency(),
                        start.withMethod(), start.mandateSetup(), tail));
    }

    /** Mostly ordinary amounts; also zero, negative, one, and the largest a long holds. */
    static Gen<Long> initialAmount() {
        return Generate.frequency(
                Pair.of(12, longs().between(1, 1_000_000)),
                Pair.of(1, Generate.constant(0L)),
                Pair.of(1, longs().between(Long.MIN_VALUE, -1)),
                Pair.of(1, Generate.constant(1L)),
                Pair.of(1, longs().between(Long.MAX_VALUE - 10, Long.MAX_VALUE)));
    }

    static Gen<Step> step() {
        Gen<Set<Capability>> capabilities = Generate.frequency(
                Pair.of(8, Generate.constant(HashSet.of(Capability.values()))),
                Pair.of(2, lists().of(Generate.enumValues(Capability.class)).ofSizeBetween(0, 7)
                        .map(l -> (Set<Capability>) HashSet.ofAll(l))));
        return Generate.frequency(
                Pair.of(2, amount().zip(booleans().all(), Generate.enumValues(CaptureMethod.class),
                        (a, m, c) -> (Step) new Step.Update(a, m, c))),
                Pair.of(1, capabilities.map(c -> (Step) new Step.CreateOrder(c))),
                Pair.of(4, booleans().all().zip(capabilities, (m, c) -> (Step) new Step.Confirm(m, c))),
                Pair.of(2, Generate.constant(() -> (Step) new Step.CompleteAuthorize())),
                Pair.of(6, amount().zip(booleans().all(), (a, f) -> (Step) new Step.Capture(a, f))),
                Pair.of(2, Generate.constant(() -> (Step) new Step.Cancel())),
                Pair.of(2, longs().between(-3_600, 86_400).map(s -> (Step) new Step.Reverse(s))),
                Pair.of(5, amount().map(a -> (Step) new Step.Refund(a))),
                Pair.of(2, amount().map(a -> (Step) new Step.Increment(a))),
                Pair.of(1, Generate.constant(() -> (Step) new Step.Expire())),
                Pair.of(1, longs().between(0, 10 * 86_400).map(s -> (Step) new Step.ExpireAtProcessor(s))),
                Pair.of(2, longs().between(1, 10 * 86_400).map(s -> (Step) new Step.Wait(s))),
                Pair.of(16, integers().between(-1, 40).zip(outcomeKind(), longs().between(-120, 120),
                        (t, o, s) -> (Step) new Step.Observe(t, o, s))));
    }

    /**
     * A few steps that go somewhere: confirm and approve, or an operation whose answer is pending or
     * unknown and later resolved. Chained, they reach the deep states random steps rarely do.
     */
    static Gen<List<Step>> episode() {
        Set<Capability> all = HashSet.of(Capability.values());
        Gen<Step> operation = Generate.pick(java.util.List.of(
                new Step.Capture(new Amount.Share(40), false),
                new Step.Capture(new Amount.Share(100), false),
                new Step.Capture(new Amount.Share(30), true),
                new Step.Cancel(),
                new Step.Reverse(3_600),
                new Step.Increment(new Amount.Share(20)),
                new Step.Refund(new Amount.Share(30)),
                new Step.ExpireAtProcessor(8 * 86_400)));
        Gen<Step.OutcomeKind> interim = Generate.pick(java.util.List.of(Step.OutcomeKind.PENDING,
                Step.OutcomeKind.UNKNOWN));
        Gen<Step.OutcomeKind> last = Generate.pick(java.util.List.of(Step.OutcomeKind.APPROVED,
                Step.OutcomeKind.DECLINED));
        Gen<List<Step>> confirmed = Generate.constant(List.of(new Step.Confirm(true, all),
                new Step.Observe(Integer.MAX_VALUE, Step.OutcomeKind.APPROVED, 1)));
        Gen<List<Step>> resolved = operation.zip(interim, last, (op, first, then) -> List.of(op,
                new Step.Observe(Integer.MAX_VALUE, first, 1), new Step.Observe(Integer.MAX_VALUE, then, 2)));
        // the reconciler gives up on a pending operation, then an answer comes after all
        Gen<List<Step>> escalated = operation.zip(last, (op, then) -> List.of(op,
                new Step.Observe(Integer.MAX_VALUE, Step.OutcomeKind.PENDING, 1),
                new Step.Observe(Integer.MAX_VALUE, Step.OutcomeKind.ESCALATED, 2),
                new Step.Observe(Integer.MAX_VALUE, then, 3)));
        return Generate.frequency(Pair.of(1, confirmed), Pair.of(2, resolved), Pair.of(1, escalated));
    }

    static Gen<Step.OutcomeKind> outcomeKind() {
        return Generate.frequency(
                Pair.of(6, Generate.constant(Step.OutcomeKind.APPROVED)),
                Pair.of(2, Generate.constant(Step.OutcomeKind.DECLINED)),
                Pair.of(2, Generate.constant(Step.OutcomeKind.PENDING)),
                Pair.of(1, Generate.constant(Step.OutcomeKind.REVIEW)),
                Pair.of(1, Generate.constant(Step.OutcomeKind.REQUIRES_ACTION)),
                Pair.of(2, Generate.constant(Step.OutcomeKind.UNKNOWN)),
                Pair.of(1, Generate.constant(Step.OutcomeKind.ESCALATED)));
    }

    static Gen<Amount> amount() {
        return Generate.frequency(
                Pair.of(8, integers().between(0, 150).map(p -> (Amount) new Amount.Share(p))),
                Pair.of(3, Generate.constant(() -> (Amount) new Amount.Share(100))),
                Pair.of(2, longs().between(0, 2_000_000).map(m -> (Amount) new Amount.Fixed(m))),
                Pair.of(1, longs().between(Long.MIN_VALUE, -1).map(m -> (Amount) new Amount.Fixed(m))),
                Pair.of(1, longs().between(Long.MAX_VALUE - 10, Long.MAX_VALUE).map(m -> (Amount) new Amount.Fixed(m))),
                Pair.of(1, longs().between(1, 1_000).map(m -> (Amount) new Amount.Foreign(m))));
    }
}
