package dev.tender.connector.simulator;

import dev.tender.domain.payment.Outcome;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.function.Supplier;

/**
 * What the processor did with a call: its answer, the money it moved, the work it left for later
 * (answered {@code Pending} until a sync runs it), and whether the answer is lost on the way back.
 */
record Processed(Outcome outcome, List<Movement> movements, Option<Supplier<Processed>> later, boolean answerLost) {

    static Processed answered(Outcome outcome) {
        return new Processed(outcome, List.empty(), Option.none(), false);
    }

    static Processed moved(Outcome outcome, List<Movement> movements) {
        return new Processed(outcome, movements, Option.none(), false);
    }

    static Processed pendingUntilSync(Supplier<Processed> later) {
        return new Processed(Outcome.Pending.of(), List.empty(), Option.some(later), false);
    }

    Processed withAnswerLost() {
        return new Processed(outcome, movements, later, true);
    }
}
