package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

final class ConfirmRules {

    static final Rule<Confirm> HAS_PAYMENT_METHOD = (p, c) ->
            p.paymentMethod().isEmpty() && c.paymentMethod().isEmpty()
                    ? Option.some(Rejection.missing("payment_method_data"))
                    : Option.none();

    static final Rule<Confirm> CONNECTOR_SUPPORTS_CAPTURE_METHOD = (p, c) -> switch (p.captureMethod()) {
        case AUTOMATIC -> Option.none();
        case MANUAL -> require(c, Capability.MANUAL_CAPTURE);
        case MANUAL_MULTIPLE -> require(c, Capability.MULTIPLE_CAPTURE);
    };

    static final Rule<Confirm> CONNECTOR_SUPPORTS_MANDATES = (p, c) ->
            p.mandateSetup().isDefined() || p.mandateId().isDefined()
                    ? require(c, Capability.MANDATES)
                    : Option.none();

    static final Rule<Confirm> NO_UNCHECKED_MANDATE = (p, c) ->
            c.paymentMethod().exists(PaymentMethod.StoredMandate.class::isInstance)
                    ? Option.some(MandateRules.chargeOnlyThroughTheMandate())
                    : Option.none();

    static final Rule<Confirm> MANDATE_CHARGE_KEEPS_ITS_METHOD = (p, c) ->
            p.mandateId().isDefined() && c.paymentMethod().isDefined()
                    ? Option.some(Rejection.invalid("the payment method of a mandate charge cannot change"))
                    : Option.none();

    /** The processor's order is known to the connector that created it only. */
    static final Rule<Confirm> ORDER_STAYS_AT_ITS_CONNECTOR = (p, c) ->
            p.ordered() && p.connector().exists(account -> !account.equals(c.connector()))
                    ? Option.some(Rejection.precondition("The order of this payment was created at "
                    + p.connector().get() + "; it must be authorized there"))
                    : Option.none();

    static final List<Rule<Confirm>> ALL = List.of(Rule.allowedBy(Operation.CONFIRM),
            Rule.nothingInFlight(Operation.CONFIRM), Rule.unusedTransactionId(Confirm::transactionId),
            ORDER_STAYS_AT_ITS_CONNECTOR, NO_UNCHECKED_MANDATE, HAS_PAYMENT_METHOD, MANDATE_CHARGE_KEEPS_ITS_METHOD, CONNECTOR_SUPPORTS_CAPTURE_METHOD,
            CONNECTOR_SUPPORTS_MANDATES);

    private static Option<Rejection> require(Confirm c, Capability capability) {
        return c.capabilities().contains(capability) ? Option.none() : Option.some(Rejection.notSupported(capability));
    }

    private ConfirmRules() {
    }
}
