package dev.tender.connector.adyen;

import dev.tender.connector.kit.HttpAnswer;
import dev.tender.domain.payment.Outcome;

/**
 * The answer of a modification (capture, cancel, reversal, refund, amount update). Adyen only
 * acknowledges it ({@code "status":"received"}) and says how it went later, in a webhook (CAPTURE,
 * CANCELLATION, CANCEL_OR_REFUND, REFUND, AUTHORISATION_ADJUSTMENT). So it is {@code Pending}, never
 * {@code Approved}: a capture can still fail after "received".
 */
final class ModificationAnswers {

    private ModificationAnswers() {
    }

    static Outcome read(HttpAnswer answer) {
        String status = answer.json().path("status").asText("");
        return "received".equals(status) ? Outcome.Pending.of()
                : new Outcome.Unknown("unexpected Adyen modification status '" + status + "'");
    }
}
