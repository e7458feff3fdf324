package dev.tender.client;

import dev.tender.domain.money.Money;

/**
 * Capture {@code amount} of the authorization {@code connectorTransactionId}. {@code finalCapture} says
 * no capture follows, so the processor releases what is left; it is what {@link #of} sends. For several
 * captures of one authorization ({@code manual_multiple}), send the earlier ones with
 * {@link #notFinal()}.
 *
 * <p>Building one throws {@link InvalidRequestException} when a field is missing or blank, or the amount is
 * not positive
 */
public record CaptureRequest(CallIds ids, String connectorTransactionId, Money amount, boolean finalCapture) {

    public CaptureRequest {
        Checks.of("capture request")
                .present(ids, "ids")
                .text(connectorTransactionId, "connectorTransactionId")
                .positive(amount, "amount")
                .orThrow();
    }

    /** A final capture. */
    public static CaptureRequest of(CallIds ids, String connectorTransactionId, Money amount) {
        return new CaptureRequest(ids, connectorTransactionId, amount, true);
    }

    /** The same capture with more to come after it. */
    public CaptureRequest notFinal() {
        return new CaptureRequest(ids, connectorTransactionId, amount, false);
    }
}
