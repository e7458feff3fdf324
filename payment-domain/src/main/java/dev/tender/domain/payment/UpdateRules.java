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
                    && p.ordered()
                    ? Option.some(Rejection.precondition(
                    "The amount of this payment cannot change: an order was created for " + p.amount()))
                    : Option.none();

    static final Rule<UpdatePayment> NO_UNCHECKED_MANDATE = (p, c) ->
            c.paymentMethod().exists(PaymentMethod.StoredMandate.class::isInstance)
                    ? Option.some(MandateRules.chargeOnlyThroughTheMandate())
                    : Option.none();

    /** Amount, currency, method and customer of a mandate charge were checked against the mandate. */
    static final Rule<UpdatePayment> MANDATE_CHARGE_IS_FIXED = (p, c) ->
            p.mandateId().isDefined() && (c.amount().exists(a -> !a.equals(p.amount()))
                    || c.paymentMethod().isDefined() || c.customerId().exists(id -> !p.customerId().contains(id)))
                    ? Option.some(new Rejection(RejectionCode.MANDATE_VALIDATION_FAILED,
                    "The amount, payment method and customer of a mandate charge cannot change; create a new charge"))
                    : Option.none();

    static final Rule<UpdatePayment> MANDATE_LIMIT_IN_PAYMENT_CURRENCY = (p, c) ->
            c.amount().exists(a -> p.mandateSetup().flatMap(MandateSetup::amountLimit)
                    .exists(limit -> !limit.sameCurrencyAs(a)))
                    ? Option.some(Rejection.invalid("amount must stay in the currency of the mandate's limit, "
                    + p.mandateSetup().flatMap(MandateSetup::amountLimit).get().currency()))
                    : Option.none();

    static final List<Rule<UpdatePayment>> ALL = List.of(Rule.allowedBy(Operation.UPDATE), NO_UNCHECKED_MANDATE,
            MANDATE_CHARGE_IS_FIXED, AMOUNT_POSITIVE_UNLESS_MANDATE_SETUP, MANDATE_LIMIT_IN_PAYMENT_CURRENCY,
            AMOUNT_FIXED_ONCE_ORDERED);

    private UpdateRules() {
    }
}
