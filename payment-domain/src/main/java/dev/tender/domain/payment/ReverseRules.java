package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

final class ReverseRules {

    static final Rule<Reverse> CONNECTOR_SUPPORTS_REVERSE = (p, c) ->
            p.capabilities().contains(Capability.REVERSE)
                    ? Option.none()
                    : Option.some(Rejection.notSupported(Capability.REVERSE));

    static final Rule<Reverse> BEFORE_SETTLEMENT = (p, c) ->
            c.at().isBefore(c.settlementCutoff())
                    ? Option.none()
                    : Option.some(Rejection.precondition("The capture settled at " + c.settlementCutoff()
                    + "; it can no longer be cancelled, refund it instead"));

    /** A reversal returns everything captured; with a refund beside it the customer would be paid twice. */
    static final Rule<Reverse> NO_REFUNDS = (p, c) ->
            p.refunds().exists(Transaction::mayMoveMoney)
                    ? Option.some(Rejection.precondition(
                    "This payment has refunds; it can no longer be cancelled post capture"))
                    : Option.none();

    static final List<Rule<Reverse>> ALL = List.of(Rule.allowedBy(Operation.REVERSE),
            Rule.nothingInFlight(Operation.REVERSE), Rule.unusedTransactionId(Reverse::transactionId),
            CONNECTOR_SUPPORTS_REVERSE, NO_REFUNDS, BEFORE_SETTLEMENT);

    private ReverseRules() {
    }
}
