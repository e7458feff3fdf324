package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.HttpAnswer;
import dev.tender.connector.kit.UnreadableAnswer;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Redirect;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.Locale;

/** The answer of {@code /payments} and {@code /payments/details}: its {@code resultCode} decides. */
final class PaymentAnswers {

    /** Where v71 answers the stored card's id; the older recurring key is still sent alongside. */
    private static final String STORED_ID = "tokenization.storedPaymentMethodId";
    private static final String RECURRING_REFERENCE = "recurring.recurringDetailReference";

    private PaymentAnswers() {
    }

    static Outcome read(HttpAnswer answer) {
        JsonNode json = answer.json();
        String resultCode = json.path("resultCode").asText("");
        Option<String> psp = text(json, "pspReference");
        return switch (resultCode) {
            case "Authorised" -> psp.isDefined()
                    ? new Outcome.Approved(psp, storedPaymentMethodId(json))
                    : new Outcome.Unknown("Adyen answered Authorised without a pspReference");
            case "Refused" -> RefusalCodes.MAP.declined(text(json, "refusalReasonCode").getOrNull(),
                    text(json, "refusalReason").getOrNull());
            // Error is final at Adyen (a webhook with success=false follows): a soft decline, another route may work
            case "Error" -> new Outcome.Declined(DeclineCodes.PROCESSING_ERROR,
                    "Adyen could not process the payment: " + text(json, "refusalReason").getOrElse("no reason given"));
            case "Cancelled" -> new Outcome.Declined(DeclineCodes.CARD_DECLINED, "the payment was cancelled at Adyen");
            case "Pending", "Received" -> Outcome.Pending.of();
            case "RedirectShopper", "ChallengeShopper", "IdentifyShopper" -> action(json, resultCode, psp);
            case "" -> throw new UnreadableAnswer("no resultCode in Adyen's payment answer");
            default -> new Outcome.Unknown("unexpected Adyen resultCode " + resultCode);
        };
    }

    /**
     * A redirect action becomes the SPI's redirect (GET, or a POST form with the action's data). A
     * native 3DS2 action needs Adyen's client SDK, which a server-side connector cannot play.
     */
    private static Outcome action(JsonNode json, String resultCode, Option<String> psp) {
        JsonNode action = json.path("action");
        Option<String> url = text(action, "url");
        if (url.isEmpty()) {
            return new Outcome.Declined(DeclineCodes.NOT_SUPPORTED, "Adyen asked for a "
                    + action.path("type").asText("unknown") + " action (" + resultCode
                    + ") that needs its client SDK; only redirect actions are supported");
        }
        String method = text(action, "method").getOrElse("GET").toUpperCase(Locale.ROOT);
        Map<String, String> data = LinkedHashMap.empty();
        for (var field : action.path("data").properties()) {
            data = data.put(field.getKey(), field.getValue().asText());
        }
        return new Outcome.RequiresAction(new Redirect(url.get(), method, data), psp);
    }

    private static Option<String> storedPaymentMethodId(JsonNode json) {
        JsonNode additional = json.path("additionalData");
        return text(additional, STORED_ID).orElse(() -> text(additional, RECURRING_REFERENCE));
    }

    static Option<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? Option.some(value.asText()) : Option.none();
    }
}
