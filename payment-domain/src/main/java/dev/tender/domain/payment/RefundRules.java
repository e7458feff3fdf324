package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

final class RefundRules {

    static final Rule<Refund> SAME_CURRENCY = (p, c) ->
            c.amount().sameCurrencyAs(p.amount())
                    ? Option.none()
                    : Option.some(Rejection.invalid("refund amount must be in " + p.amount().currency()));

    static final Rule<Refund> POSITIVE = (p, c) ->
            c.amount().isZero() ? Option.some(Rejection.invalid("refund amount must be greater than 0"))
                    : Option.none();

    /** Pending and unknown refunds count: they may still succeed. */
    static final Rule<Refund> NOT_ABOVE_REFUNDABLE = (p, c) ->
            c.amount().isGreaterThan(p.refundable())
                    ? Option.some(new Rejection(RejectionCode.REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT,
                    "The refund amount " + c.amount() + " exceeds the amount captured and not yet refunded, "
                            + p.refundable()))
                    : Option.none();

    static final Rule<Refund> NO_REVERSAL_IN_FLIGHT = (p, c) ->
            p.openTransaction(TransactionKind.REVERSE).map(tx -> Rejection.precondition(
                    "This payment is being cancelled post capture (" + tx.id() + "); it cannot be refunded"));

    static final List<Rule<Refund>> ALL = List.of(Rule.allowedBy(Operation.REFUND),
            Rule.unusedTransactionId(Refund::refundId), NO_REVERSAL_IN_FLIGHT, SAME_CURRENCY, POSITIVE,
            NOT_ABOVE_REFUNDABLE);

    private RefundRules() {
    }
}
