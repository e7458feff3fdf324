package dev.tender.client;

import dev.tender.domain.money.Money;

/**
 * Raise the authorization {@code connectorTransactionId} to {@code newTotal} (the whole new authorized
 * amount, not the increase): hotel incidentals, tips.
 *
 * <p>Building one throws {@link InvalidRequestException} when a field is missing or blank, or the new total is
 * not positive
 */
public record IncrementalAuthorizationRequest(CallIds ids, String connectorTransactionId, Money newTotal) {

    public IncrementalAuthorizationRequest {
        Checks.of("incremental authorization request")
                .present(ids, "ids")
                .text(connectorTransactionId, "connectorTransactionId")
                .positive(newTotal, "newTotal")
                .orThrow();
    }
}
