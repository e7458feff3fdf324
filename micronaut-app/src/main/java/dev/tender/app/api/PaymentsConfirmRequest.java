package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;
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
        return !changedTerms(kept).isEmpty();
    }

    /** The fields sent that change what is charged or to whom. */
    List<String> changedTerms(Map<String, JsonNode> kept) {
        List<String> terms = new ArrayList<>();
        if (amount != null) {
            terms.add("amount");
        }
        if (currency != null) {
            terms.add("currency");
        }
        if (common.captureMethod() != null) {
            terms.add("capture_method");
        }
        if (common.customerId() != null) {
            terms.add("customer_id");
        }
        if (common.metadata() != null) {
            terms.add("metadata");
        }
        if (Requests.customerIdOf(kept) != null) {
            terms.add("customer");
        }
        return terms;
    }
}
