package dev.tender.client;

import dev.tender.domain.money.Currency;
import dev.tender.ports.out.PaymentMethodData;

/**
 * Store {@code method} for later merchant-initiated charges of {@code customerId} in {@code currency},
 * without charging it. Charge the mandate later with an {@link AuthorizeRequest} whose method is a
 * {@link PaymentMethodData.StoredMandate} holding {@link SetupRecurringResult#mandateReference()}.
 *
 * <p>Building one throws {@link InvalidRequestException} when a field is missing or blank, or the currency is
 * not ISO-4217
 */
public record SetupRecurringRequest(CallIds ids, PaymentMethodData method, String customerId, Currency currency) {

    public SetupRecurringRequest {
        Checks.of("setup recurring request")
                .present(ids, "ids")
                .present(method, "method")
                .text(customerId, "customerId")
                .currency(currency, "currency")
                .orThrow();
    }
}
