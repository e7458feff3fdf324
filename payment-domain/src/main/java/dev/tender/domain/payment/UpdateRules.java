package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

final class UpdateRules {

    static final Rule<UpdatePayment> AMOUNT_POSITIVE_UNLESS_MANDATE_SETUP = (p, c) ->
            c.amount().exists(a -> a.isZero()) && p.mandateSetup().isEmpty()
                    ? Option.some(Rejection.invalid("amount must be greater than 0 (0 only to set up a mandate)"))
                    : Option.none();

    /** The processor's order was made for the old amount; a new amount needs a new payment. */
    static final Rule<UpdatePayment> AMOUNT_FIXED_ONCE_ORDERED = (p, c) ->
            c.amount().exists(a -> !a.equals(p.amount()))
                    && (p.orderReference().isDefined() || p.openTransaction(TransactionKind.ORDER).isDefined())
                    ? Option.some(Rejection.precondition(
                    "The amount of this payment cannot change: an order was created for " + p.amount()))
                    : Option.none();

    static final Rule<UpdatePayment> MANDATE_PAYMENT_STAYS_ON_MANDATE = (p, c) ->
            p.mandateId().isDefined() && c.paymentMethod().isDefined()
                    ? Option.some(Rejection.invalid("the payment method of a mandate charge cannot change"))
                    : Option.none();

    static final List<Rule<UpdatePayment>> ALL = List.of(Rule.allowedBy(Operation.UPDATE),
            AMOUNT_POSITIVE_UNLESS_MANDATE_SETUP, AMOUNT_FIXED_ONCE_ORDERED, MANDATE_PAYMENT_STAYS_ON_MANDATE);

    private UpdateRules() {
    }
}
