package dev.tender.domain.payment;

import io.vavr.collection.List;

final class VoidRules {

    static final List<Rule<VoidPayment>> ALL = List.of(Rule.allowedBy(Operation.VOID),
            Rule.nothingInFlight(Operation.VOID), Rule.unusedTransactionId(VoidPayment::transactionId));

    private VoidRules() {
    }
}
