package dev.tender.client;

import dev.tender.domain.money.Money;

/**
 * Cancel the authorization {@code connectorTransactionId} before (the rest of) it is captured, releasing
 * {@code amount}: what is authorized and not captured.
 *
 * <p>Building one throws {@link InvalidRequestException} when a field is missing or blank, or the amount is
 * not positive
 */
public record VoidRequest(CallIds ids, String connectorTransactionId, Money amount) {

    public VoidRequest {
        Checks.of("void request")
                .present(ids, "ids")
                .text(connectorTransactionId, "connectorTransactionId")
                .positive(amount, "amount")
                .orThrow();
    }
}
