package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.HttpAnswer;
import dev.tender.connector.kit.Json;
import dev.tender.connector.kit.Redaction;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.DeclineCodes;

/**
 * Adyen's non-2xx answers below 500 (5xx never get here: the kit makes them {@code Unknown}). The body
 * is Adyen's error object {@code {"status","errorCode","message","errorType","pspReference"}}, read
 * leniently: the status decides, the body only words the message.
 */
final class AdyenErrors {

    private AdyenErrors() {
    }

    static Outcome outcomeOf(HttpAnswer answer) {
        int status = answer.status();
        String detail = detail(answer);
        if (status == 401 || status == 403) {
            // the key is wrong or lacks a role: Adyen refused before processing, another connector may be tried
            return new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR,
                    "Adyen refused the API key (HTTP " + status + ")" + detail);
        }
        if (status == 429) {
            return new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR, "Adyen rate-limited the call" + detail);
        }
        if (status == 409) {
            // the same Idempotency-Key is still being processed: that first request may well move money
            return new Outcome.Unknown("Adyen is still processing a request with this Idempotency-Key" + detail);
        }
        if (answer.isClientError()) {
            return new Outcome.Declined(DeclineCodes.INVALID_REQUEST,
                    "Adyen rejected the request (HTTP " + status + ")" + detail);
        }
        return new Outcome.Unknown("unexpected HTTP " + status + " from Adyen");
    }

    /** ": message [errorCode]", or nothing if the body is not Adyen's error object. */
    private static String detail(HttpAnswer answer) {
        try {
            JsonNode error = Json.read(answer.body());
            String message = error.path("message").asText("");
            String code = error.path("errorCode").asText("");
            String text = (message.isBlank() ? "" : ": " + Redaction.maskCardNumbers(message))
                    + (code.isBlank() ? "" : " [" + code + "]");
            return text;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
