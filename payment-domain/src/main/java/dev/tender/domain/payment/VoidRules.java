package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

final class VoidRules {

    /** Before confirm nothing is held, so cancelling needs no connector call and waits for nothing. */
    static final Rule<VoidPayment> NOTHING_IN_FLIGHT_ONCE_AUTHORIZED = (p, c) ->
            p.status() == PaymentStatus.REQUIRES_PAYMENT_METHOD || p.status() == PaymentStatus.REQUIRES_CONFIRMATION
                    ? Option.none()
                    : Rule.<VoidPayment>nothingInFlight(Operation.VOID).check(p, c);

    /** That reason marks Tender's own void of a lapsed authorization, which ends the payment expired. */
    static final Rule<VoidPayment> REASON_NOT_RESERVED = (p, c) ->
            c.reason().contains(Transaction.EXPIRY_REASON)
                    ? Option.some(Rejection.invalid("cancellation_reason " + Transaction.EXPIRY_REASON
                    + " is reserved for authorizations Tender expires"))
                    : Option.none();

    static final List<Rule<VoidPayment>> ALL = List.of(Rule.allowedBy(Operation.VOID),
            NOTHING_IN_FLIGHT_ONCE_AUTHORIZED, REASON_NOT_RESERVED,
            Rule.unusedTransactionId(VoidPayment::transactionId));

    private VoidRules() {
    }
}
