package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

final class IncrementRules {

    static final Rule<IncrementAuthorization> CONNECTOR_SUPPORTS_INCREMENT = (p, c) ->
            p.capabilities().contains(Capability.INCREMENTAL_AUTHORIZATION)
                    ? Option.none()
                    : Option.some(Rejection.notSupported(Capability.INCREMENTAL_AUTHORIZATION));

    static final Rule<IncrementAuthorization> NOTHING_CAPTURED = (p, c) ->
            p.captured().isZero() ? Option.none()
                    : Option.some(Rejection.precondition("Part of this payment is captured; it cannot be incremented"));

    static final Rule<IncrementAuthorization> SAME_CURRENCY = (p, c) ->
            c.newTotal().sameCurrencyAs(p.amount())
                    ? Option.none()
                    : Option.some(Rejection.invalid("amount must be in " + p.amount().currency()));

    static final Rule<IncrementAuthorization> ABOVE_AUTHORIZED = (p, c) ->
            c.newTotal().isGreaterThan(p.authorized())
                    ? Option.none()
                    : Option.some(Rejection.invalid("amount " + c.newTotal()
                    + " must be greater than the amount authorized, " + p.authorized()));

    /** The amount of a mandate charge was checked against the mandate's limit; a raise would bypass it. */
    static final Rule<IncrementAuthorization> NOT_A_MANDATE_CHARGE = (p, c) ->
            p.mandateId().isDefined()
                    ? Option.some(new Rejection(RejectionCode.MANDATE_VALIDATION_FAILED,
                    "A charge on mandate " + p.mandateId().get() + " cannot be incremented; charge the mandate again"))
                    : Option.none();

    static final List<Rule<IncrementAuthorization>> ALL = List.of(
            Rule.allowedBy(Operation.INCREMENT_AUTHORIZATION),
            Rule.nothingInFlight(Operation.INCREMENT_AUTHORIZATION),
            Rule.unusedTransactionId(IncrementAuthorization::transactionId), NOT_A_MANDATE_CHARGE,
            CONNECTOR_SUPPORTS_INCREMENT,
            NOTHING_CAPTURED, SAME_CURRENCY, ABOVE_AUTHORIZED);

    private IncrementRules() {
    }
}
