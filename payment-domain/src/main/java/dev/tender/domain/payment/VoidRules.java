package dev.tender.domain.payment;

import io.vavr.collection.List;
import io.vavr.control.Option;

final class VoidRules {

    /** Before confirm nothing is held, so cancelling needs no connector call and waits for nothing. */
    static final Rule<VoidPayment> NOTHING_IN_FLIGHT_ONCE_AUTHORIZED = (p, c) ->
            p.status() == PaymentStatus.REQUIRES_PAYMENT_METHOD || p.status() == PaymentStatus.REQUIRES_CONFIRMATION
                    ? Option.none()
                    : Rule.<VoidPayment>nothingInFlight(Operation.VOID).check(p, c);

    static final List<Rule<VoidPayment>> ALL = List.of(Rule.allowedBy(Operation.VOID),
            NOTHING_IN_FLIGHT_ONCE_AUTHORIZED, Rule.unusedTransactionId(VoidPayment::transactionId));

    private VoidRules() {
    }
}
