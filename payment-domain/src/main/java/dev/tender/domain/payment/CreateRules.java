package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** What a new payment must satisfy before it exists. */
final class CreateRules {

    static final Rule<CreatePayment> AMOUNT_POSITIVE_UNLESS_MANDATE_SETUP = (none, c) ->
            c.amount().isZero() && c.mandateSetup().isEmpty()
                    ? Option.some(Rejection.invalid("amount must be greater than 0 (0 only to set up a mandate)"))
                    : Option.none();

    static final Rule<CreatePayment> MANDATE_SETUP_NEEDS_CUSTOMER = (none, c) ->
            c.mandateSetup().isDefined() && c.customerId().isEmpty()
                    ? Option.some(Rejection.missing("customer_id"))
                    : Option.none();

    static final Rule<CreatePayment> MANDATE_LIMIT_IN_PAYMENT_CURRENCY = (none, c) ->
            c.mandateSetup().flatMap(MandateSetup::amountLimit).exists(limit -> !limit.sameCurrencyAs(c.amount()))
                    ? Option.some(Rejection.invalid("mandate amount limit must be in " + c.amount().currency()))
                    : Option.none();

    static final Rule<CreatePayment> VALIDITY_POSITIVE = (none, c) ->
            c.authorizationValidity().isNegative() || c.authorizationValidity().isZero()
                    ? Option.some(Rejection.invalid("authorization validity must be positive"))
                    : Option.none();

    /** A stored mandate is charged only through {@link Payment#createWithMandate}, which checks the mandate. */
    static final Rule<CreatePayment> NO_UNCHECKED_MANDATE = (none, c) ->
            c.paymentMethod().exists(PaymentMethod.StoredMandate.class::isInstance)
                    ? Option.some(MandateRules.chargeOnlyThroughTheMandate())
                    : Option.none();

    static final List<Rule<CreatePayment>> ALL = List.of(NO_UNCHECKED_MANDATE, AMOUNT_POSITIVE_UNLESS_MANDATE_SETUP,
            MANDATE_SETUP_NEEDS_CUSTOMER, MANDATE_LIMIT_IN_PAYMENT_CURRENCY, VALIDITY_POSITIVE);

    private CreateRules() {
    }
}
