package dev.tender.client;

import dev.tender.domain.money.Money;

/**
 * Open an order of {@code amount} at the processor before the customer enters payment details; pass
 * its reference to {@link AuthorizeRequest#withOrderReference}.
 *
 * <p>Building one throws {@link InvalidRequestException} when a field is missing or the amount is not positive
 */
public record CreateOrderRequest(CallIds ids, Money amount) {

    public CreateOrderRequest {
        Checks.of("create order request")
                .present(ids, "ids")
                .positive(amount, "amount")
                .orThrow();
    }
}
