package dev.tender.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.DeclineCodeMap;
import dev.tender.connector.kit.HttpAnswer;
import dev.tender.connector.kit.UnreadableAnswer;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Redirect;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.control.Option;

/**
 * Stripe's objects and errors as outcomes. What cannot be read throws {@link UnreadableAnswer}, which
 * {@code ConnectorHttp} turns into {@code Unknown}: Stripe answered, so it may have acted.
 */
final class StripeAnswers {

    private static final DeclineCodeMap INVALID = DeclineCodeMap.otherwise(DeclineCodes.INVALID_REQUEST);

    private StripeAnswers() {
    }

    /** A PaymentIntent (2xx) or an error (4xx). */
    static Outcome paymentIntent(HttpAnswer answer) {
        return answer.isSuccess() ? paymentIntent(answer.json()) : error(answer);
    }

    static Outcome setupIntent(HttpAnswer answer) {
        return answer.isSuccess() ? setupIntent(answer.json()) : error(answer);
    }

    static Outcome refund(HttpAnswer answer) {
        return answer.isSuccess() ? refund(answer.json()) : error(answer);
    }

    static Outcome paymentIntent(JsonNode intent) {
        String id = required(intent, "id");
        return switch (required(intent, "status")) {
            case "succeeded", "requires_capture" -> new Outcome.Approved(Option.some(id), mandateOf(intent));
            case "processing" -> Outcome.Pending.of();
            case "requires_action" -> action(intent.path("next_action"), id);
            case "requires_payment_method" -> lastError(intent.path("last_payment_error"));
            case "canceled" -> new Outcome.Declined(DeclineCodes.CARD_DECLINED, "the payment intent is canceled ("
                    + intent.path("cancellation_reason").asText("no reason") + ")");
            case "requires_confirmation" -> new Outcome.Unknown("the payment intent is not confirmed yet");
            default -> throw new UnreadableAnswer("unknown payment intent status");
        };
    }

    static Outcome setupIntent(JsonNode intent) {
        String id = required(intent, "id");
        return switch (required(intent, "status")) {
            case "succeeded" -> new Outcome.Approved(Option.some(id), mandateOf(intent));
            case "processing" -> Outcome.Pending.of();
            case "requires_action" -> action(intent.path("next_action"), id);
            case "requires_payment_method" -> lastError(intent.path("last_setup_error"));
            case "canceled" -> new Outcome.Declined(DeclineCodes.CARD_DECLINED, "the setup intent is canceled");
            case "requires_confirmation" -> new Outcome.Unknown("the setup intent is not confirmed yet");
            default -> throw new UnreadableAnswer("unknown setup intent status");
        };
    }

    static Outcome refund(JsonNode refund) {
        String id = required(refund, "id");
        return switch (required(refund, "status")) {
            case "succeeded" -> Outcome.Approved.of(id);
            case "pending", "requires_action" -> Outcome.Pending.of();
            case "failed", "canceled" -> new Outcome.Declined(DeclineCodes.CARD_DECLINED, "the refund "
                    + refund.path("status").asText() + " [" + refund.path("failure_reason").asText("no reason") + "]");
            default -> throw new UnreadableAnswer("unknown refund status");
        };
    }

    /**
     * Stripe's error object. 429 (rate limit), 401 and 403 (the key) are refused before anything is
     * processed; an idempotency error means the key was used before, by a call that may have acted.
     */
    static Outcome error(HttpAnswer answer) {
        if (answer.status() == 429 || answer.status() == 401 || answer.status() == 403) {
            // the status decides, as for Adyen: a key Stripe refuses (or a proxy in front of it) acted on
            // nothing, whatever the body says; the payment fails with this, or another account is tried
            String code = refusalCode(answer);
            return new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR,
                    "Stripe refused the call before processing it (HTTP " + answer.status()
                            + (code == null ? "" : ", " + code) + ")");
        }
        JsonNode error = answer.json().path("error");
        if (!error.isObject()) {
            throw new UnreadableAnswer("HTTP " + answer.status() + " without an error object");
        }
        String type = error.path("type").asText("");
        String code = text(error, "code");
        String declineCode = text(error, "decline_code");
        String message = text(error, "message");
        if (answer.status() == 409 || type.equals("idempotency_error")) {
            return new Outcome.Unknown("Stripe refused a reuse of the idempotency key (" + type + "): its first "
                    + "use may have acted");
        }
        if (answer.status() == 404 || "resource_missing".equals(code)) {
            return StripeDeclines.CODES.declined("resource_missing", message);
        }
        if (type.equals("card_error") || isAuthenticationFailure(code)) {
            return StripeDeclines.CODES.declined(declineCode != null ? declineCode : code, message);
        }
        return INVALID.declined(code, message);
    }

    /** Stripe's error code of a refusal (e.g. {@code api_key_invalid}), if its body is Stripe's error object. */
    private static String refusalCode(HttpAnswer answer) {
        try {
            return text(answer.json().path("error"), "code");
        } catch (UnreadableAnswer notStripes) {
            return null;
        }
    }

    private static boolean isAuthenticationFailure(String code) {
        return "payment_intent_authentication_failure".equals(code) || "setup_intent_authentication_failure".equals(code);
    }

    static Outcome lastError(JsonNode error) {
        if (!error.isObject()) {
            return new Outcome.Declined(DeclineCodes.CARD_DECLINED, "the intent needs a new payment method");
        }
        String declineCode = text(error, "decline_code");
        return StripeDeclines.CODES.declined(declineCode != null ? declineCode : text(error, "code"),
                text(error, "message"));
    }

    /** Tender redirects; Stripe's other actions need Stripe.js on the merchant's page. */
    private static Outcome action(JsonNode nextAction, String id) {
        String url = nextAction.path("redirect_to_url").path("url").asText(null);
        if ("redirect_to_url".equals(nextAction.path("type").asText()) && url != null) {
            return new Outcome.RequiresAction(Redirect.get(url), Option.some(id));
        }
        return new Outcome.Declined(DeclineCodes.AUTHENTICATION_FAILED, "Stripe asks for the action '"
                + nextAction.path("type").asText("none") + "', which needs Stripe.js; Tender follows redirects only "
                + "(authorize with a return_url)");
    }

    /** A stored card is charged with its customer and payment method: "cus_…:pm_…". */
    private static Option<String> mandateOf(JsonNode intent) {
        String usage = text(intent, "setup_future_usage");
        if (usage == null && !intent.path("object").asText().equals("setup_intent")) {
            return Option.none();
        }
        String customer = idOf(intent.path("customer"));
        String method = idOf(intent.path("payment_method"));
        if (method == null) {
            return Option.none();
        }
        return Option.some(customer == null ? method : customer + ":" + method);
    }

    private static String idOf(JsonNode node) {
        return node.isTextual() ? node.asText() : node.isObject() ? text(node, "id") : null;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new UnreadableAnswer("answer without " + field);
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
