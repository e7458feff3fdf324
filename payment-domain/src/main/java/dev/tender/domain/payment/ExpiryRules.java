package dev.tender.domain.payment;

import io.vavr.collection.List;

final class ExpiryRules {

    /** As {@link Payment#expire}: not before the window closes. */
    static final Rule<ExpireAuthorization> LAPSED = (p, c) ->
            p.authorizationExpiresAt().filter(c.at()::isBefore).map(at -> Rejection.precondition(
                    "The authorization of this payment is valid until " + at));

    static final List<Rule<ExpireAuthorization>> ALL = List.of(Rule.allowedBy(Operation.EXPIRE),
            Rule.nothingInFlight(Operation.EXPIRE), LAPSED,
            Rule.unusedTransactionId(ExpireAuthorization::transactionId));

    private ExpiryRules() {
    }
}
