package dev.tender.domain.payment.properties;

import dev.tender.domain.payment.Operation;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.Transition;
import dev.tender.domain.payment.TransitionTable;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Random sequences of commands and connector outcomes — duplicates, stale and out-of-order outcomes,
 * zero, negative, huge and overflowing amounts, every capture method — each from a fresh payment.
 * Every property runs {@value #SEQUENCES} sequences.
 */
class PaymentStateMachinePropertiesTest {

    static final int SEQUENCES = 1_000;

    static final int COVERAGE_SEQUENCES = 30_000;

    private static Gen<Scenario> scenarios() {
        return Scenarios.scenarios().describedAs(Scenario::toString);
    }

    /** Runs {@code check} on every step of at least {@value #SEQUENCES} generated sequences. */
    private static void forEverySequence(String property, Consumer<Executed> check) {
        AtomicInteger sequences = new AtomicInteger();
        AtomicInteger steps = new AtomicInteger();
        // QuickTheories runs one example fewer than asked for; ask for one more so the floor is met
        qt().withExamples(SEQUENCES + 1).forAll(scenarios()).checkAssert(scenario -> {
            sequences.incrementAndGet();
            Machine.run(scenario, step -> {
                steps.incrementAndGet();
                check.accept(step);
            });
        });
        assertThat(sequences.get()).as("sequences run").isGreaterThanOrEqualTo(SEQUENCES);
        System.out.printf("%s: %d sequences, %d steps%n", property, sequences.get(), steps.get());
    }

    @Test
    void everyInvariantHoldsAfterEveryStep() {
        forEverySequence("invariants", step -> {
            if (step.result().isRight()) {
                Invariants.holdFor(step.after());
                Invariants.holdAcross(step.before(), step.after(), step.attributed());
            }
        });
    }

    @Test
    void aCommandIsRejectedExactlyWhenTheTableOrARuleForbidsIt() {
        forEverySequence("rejections", step -> {
                    boolean tableAllows = TransitionTable.allows(step.asked(), step.before().status());
                    Option<RejectionCode> actual = step.result().swap().map(r -> r.code()).toOption();
                    // the one exception: a capture of an expired payment says why (the authorization expired)
                    boolean expiredCapture = step.asked() == Operation.CAPTURE
                            && step.before().status() == PaymentStatus.EXPIRED;
                    assertThat(actual.contains(expiredCapture ? RejectionCode.AUTHORIZATION_EXPIRED
                            : RejectionCode.PAYMENT_UNEXPECTED_STATE))
                            .as("%s in %s rejected as unexpected state", step.step(), step.before().status())
                            .isEqualTo(!tableAllows);
                    assertThat(actual).as("%s in %s", step.step(), step.before().status())
                            .isEqualTo(step.expected());
                });
    }

    @Test
    void aRejectedCommandLeavesThePaymentAsItWas() {
        forEverySequence("rejected unchanged", step -> step.result().swap().forEach(rejection -> {
                    assertThat(rejection.message()).isNotBlank();
                    if (rejection.code() == RejectionCode.PAYMENT_UNEXPECTED_STATE) {
                        // the message names the operation, the current status and the allowed ones
                        assertThat(rejection.message()).contains(step.before().status().wireName())
                                .contains(step.asked().pastTense());
                        TransitionTable.allowedFrom(step.asked())
                                .forEach(s -> assertThat(rejection.message()).contains(s.wireName()));
                    }
                    assertThat(step.after()).isSameAs(step.before());
                }));
    }

    @Test
    void everyChangeOfStatusIsATransitionOfTheTable() {
        forEverySequence("transitions", PaymentStateMachinePropertiesTest::assertListed);
    }

    /**
     * The converse, so the table and its diagram hold nothing the domain cannot do: with a fixed seed
     * (deterministic), every transition the table lists is taken by some generated sequence.
     */
    @Test
    void everyTransitionOfTheTableIsTakenBySomeSequence() {
        java.util.Set<Transition> seen = new java.util.HashSet<>();
        qt().withFixedSeed(20_261_124L).withExamples(COVERAGE_SEQUENCES).forAll(scenarios()).checkAssert(scenario ->
                Machine.run(scenario, step -> {
                    if (step.before().status() != step.after().status()) {
                        seen.add(assertListed(step));
                    }
                }));
        var never = TransitionTable.transitions().filter(t -> t.from().isDefined()).filter(t -> !seen.contains(t));
        assertThat(never).as("transitions listed but never taken").isEmpty();
    }

    private static Transition assertListed(Executed step) {
        PaymentStatus from = step.before().status();
        PaymentStatus to = step.after().status();
        if (from == to) {
            return null;
        }
        Option<Transition> listed = TransitionTable.transitions().find(t -> t.from().contains(from)
                && t.operation() == step.attributed() && t.to() == to);
        assertThat(listed.isDefined()).as("%s -> %s by %s (%s)", from, to, step.attributed(), step.step()).isTrue();
        return listed.get();
    }

    @Test
    void outcomesAreAppliedOnceAndNeverBackwards() {
        AtomicInteger replays = new AtomicInteger();
        AtomicInteger ignored = new AtomicInteger();
        forEverySequence("outcomes", step -> step.observation().forEach(observation -> {
            step.result().forEach(after -> {
                // the same report again (webhook and sync both deliver it) is a no-op
                assertThat(after.recordOutcome(observation).get()).isEqualTo(after);
                replays.incrementAndGet();
            });
            step.before().transaction(observation.transactionId()).forEach(tx -> {
                boolean finished = !tx.status().isOpen();
                boolean finalReport = observation.outcome() instanceof Outcome.Approved
                        || observation.outcome() instanceof Outcome.Declined;
                boolean answeredBefore = !tx.observedAt().equals(tx.createdAt());
                boolean stale = answeredBefore && observation.observedAt().isBefore(tx.observedAt());
                boolean unknownAfterAnswer = observation.outcome() instanceof Outcome.Unknown
                        && tx.status() != TransactionStatus.PENDING;
                if (finished || stale && !finalReport || unknownAfterAnswer) {
                    // a finished transaction, a stale interim report, or "unknown" after an answer: no change
                    assertThat(step.after()).as("%s ignores %s", tx, observation).isEqualTo(step.before());
                    ignored.incrementAndGet();
                }
            });
        }));
        assertThat(replays.get()).as("observations replayed").isGreaterThan(SEQUENCES);
        assertThat(ignored.get()).as("observations that had to be ignored").isGreaterThan(SEQUENCES);
    }
}
