package dev.tender.domain.payment.properties;

import dev.tender.domain.payment.Operation;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.RecordOutcome;
import dev.tender.domain.payment.Rejection;
import dev.tender.domain.payment.RejectionCode;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * One step as it ran: the payment before, the table operation it asked for, the operation a status
 * change is attributed to (for an outcome: the operation that began the transaction), what the
 * oracle expected, and what the domain answered.
 */
record Executed(Payment before, Step step, Operation asked, Operation attributed, Option<RejectionCode> expected,
                Either<Rejection, Payment> result, Option<RecordOutcome> observation) {

    Payment after() {
        return result.getOrElse(before);
    }
}
