package dev.tender.client;

import dev.tender.domain.money.Money;

/**
 * Cancel the captured {@code amount} of {@code connectorTransactionId} before it settles (a same-day
 * correction). After settlement, refund instead.
 *
 * <p>Building one throws {@link InvalidRequestException} when a field is missing or blank, or the amount is
 * not positive
 */
public record ReverseRequest(CallIds ids, String connectorTransactionId, Money amount) {

    public ReverseRequest {
        Checks.of("reverse request")
                .present(ids, "ids")
                .text(connectorTransactionId, "connectorTransactionId")
                .positive(amount, "amount")
                .orThrow();
    }
}
