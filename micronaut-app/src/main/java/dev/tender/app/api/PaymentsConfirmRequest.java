package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.Map;

/**
 * POST /payments/{payment_id}/confirm, as Hyperswitch's {@code PaymentsConfirmRequest}. Card numbers are
 * never stored: the card comes with the confirm. The changes an update makes may come with it too.
 */
record PaymentsConfirmRequest(@Nullable Long amount, @Nullable String currency, @Nullable String paymentMethod,
                              @Nullable PaymentMethodDataRequest paymentMethodData, @Nullable String clientSecret,
                              PaymentRequestCommon common) {

    static PaymentsConfirmRequest read(JsonBody body) {
        body.ignore("payment_id", "confirm");
        return new PaymentsConfirmRequest(body.integer("amount"), body.string("currency"),
                body.string("payment_method"), PaymentMethodDataRequest.read(body, "payment_method_data"),
                body.string("client_secret"), PaymentRequestCommon.read(body));
    }

    /** Whether the confirm also changes the payment (applied as an update first). */
    boolean changes(Map<String, JsonNode> kept) {
        return amount != null || currency != null || common.changesPayment()
                || Requests.customerIdOf(kept) != null;
    }
}
