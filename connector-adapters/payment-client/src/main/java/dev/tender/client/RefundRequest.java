package dev.tender.client;

import dev.tender.domain.money.Money;
import io.vavr.control.Option;

/**
 * Return {@code amount} of the captured payment {@code connectorTransactionId} to the customer.
 * Each refund of one payment needs its own request id.
 *
 * <p>Building one throws {@link InvalidRequestException} when a field is missing or blank, or the amount is
 * not positive
 */
public record RefundRequest(CallIds ids, String connectorTransactionId, Money amount, Option<String> reason) {

    public RefundRequest {
        Checks.of("refund request")
                .present(ids, "ids")
                .text(connectorTransactionId, "connectorTransactionId")
                .positive(amount, "amount")
                .optionalText(reason, "reason")
                .orThrow();
    }

    public static RefundRequest of(CallIds ids, String connectorTransactionId, Money amount) {
        return new RefundRequest(ids, connectorTransactionId, amount, Option.none());
    }

    public RefundRequest withReason(String reason) {
        return new RefundRequest(ids, connectorTransactionId, amount, Option.of(reason));
    }
}
