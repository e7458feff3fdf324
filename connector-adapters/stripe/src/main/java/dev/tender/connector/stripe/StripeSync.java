package dev.tender.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.ConnectorHttp;
import dev.tender.connector.kit.HttpAnswer;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What Stripe now says about an earlier call, read from the object it acted on: the PaymentIntent
 * (authorize, capture, void, increment), the SetupIntent, or the refund carrying the call's
 * idempotency key in its metadata. An authorization whose answer was lost (no id known) is found by
 * the Search API, which lags by up to a minute: not found there is {@code Unknown}, not {@code not_found}.
 */
final class StripeSync {

    private final ConnectorHttp http;
    private final StripeAccount account;

    StripeSync(ConnectorHttp http, StripeAccount account) {
        this.http = http;
        this.account = account;
    }

    Outcome sync(ConnectorRequest.Sync r) {
        String key = r.context().idempotencyKey();
        if (r.connectorTransactionId().exists(id -> !id.matches("[A-Za-z0-9_]{1,255}"))) {
            return new Outcome.Declined(DeclineCodes.NOT_FOUND, "not a Stripe id");
        }
        if (r.connectorTransactionId().isEmpty()) {
            return switch (r.kind()) {
                case AUTHORIZE -> searchByKey(key);
                case REVERSE, ORDER -> neverSent(r);
                default -> new Outcome.Unknown("no Stripe id to look the " + r.kind() + " up by");
            };
        }
        String id = r.connectorTransactionId().get();
        return switch (r.kind()) {
            case AUTHORIZE, SETUP_MANDATE -> id.startsWith("seti_")
                    ? read("/v1/setup_intents/" + id, StripeAnswers::setupIntent)
                    : read("/v1/payment_intents/" + id + "?expand%5B%5D=latest_charge", StripeSync::authorized);
            case CAPTURE -> read("/v1/payment_intents/" + id, answer -> captured(answer, id));
            case VOID -> read("/v1/payment_intents/" + id, answer -> status(answer, "canceled", id));
            case INCREMENT -> read("/v1/payment_intents/" + id, answer -> answer.json().path("amount").asLong()
                    >= r.amount().minor() ? Outcome.Approved.of(id) : notFound("no increment to " + r.amount()));
            case REFUND -> read("/v1/refunds?payment_intent=" + id + "&limit=100", answer -> refundByKey(answer, key));
            case REVERSE, ORDER -> neverSent(r);
        };
    }

    private Outcome read(String pathAndQuery, java.util.function.Function<HttpAnswer, Outcome> whenFound) {
        return http.exchangeForSync(StripeConnector.get(account, pathAndQuery),
                answer -> answer.isSuccess() ? whenFound.apply(answer) : StripeAnswers.error(answer));
    }

    private Outcome searchByKey(String key) {
        if (key.contains("'")) {
            return new Outcome.Unknown("the idempotency key cannot be searched for");
        }
        String query = URLEncoder.encode("metadata['tender_idempotency_key']:'" + key + "'", StandardCharsets.UTF_8);
        return read("/v1/payment_intents/search?query=" + query, answer -> {
            JsonNode data = answer.json().path("data");
            return data.isArray() && !data.isEmpty() ? StripeAnswers.paymentIntent(data.get(0))
                    : new Outcome.Unknown("no payment intent with this idempotency key in Stripe's search yet "
                    + "(its index lags by up to a minute)");
        });
    }

    /**
     * An authorization voided or expired since is a canceled intent; its charge still tells that the
     * authorization itself was approved (an uncaptured approved charge is {@code succeeded} too).
     */
    private static Outcome authorized(HttpAnswer answer) {
        JsonNode intent = answer.json();
        if (intent.path("status").asText().equals("canceled")
                && intent.path("latest_charge").path("status").asText().equals("succeeded")) {
            return Outcome.Approved.of(intent.path("id").asText());
        }
        return StripeAnswers.paymentIntent(intent);
    }

    /** A capture moved money when the intent received some; one that did not is not there. */
    private static Outcome captured(HttpAnswer answer, String id) {
        JsonNode intent = answer.json();
        String status = intent.path("status").asText();
        if (status.equals("processing")) {
            return Outcome.Pending.of();
        }
        return intent.path("amount_received").asLong() > 0 ? Outcome.Approved.of(id)
                : notFound("the payment intent is " + status + " and received nothing");
    }

    private static Outcome status(HttpAnswer answer, String wanted, String id) {
        String status = answer.json().path("status").asText();
        return status.equals(wanted) ? Outcome.Approved.of(id) : notFound("the payment intent is " + status);
    }

    private static Outcome refundByKey(HttpAnswer answer, String key) {
        for (JsonNode refund : answer.json().path("data")) {
            if (key.equals(refund.path("metadata").path("tender_idempotency_key").asText())) {
                return StripeAnswers.refund(refund);
            }
        }
        return notFound("no refund of the payment intent carries this idempotency key");
    }

    private static Outcome neverSent(ConnectorRequest.Sync r) {
        return notFound("the Stripe connector never sends a " + r.kind());
    }

    private static Outcome notFound(String message) {
        return new Outcome.Declined(DeclineCodes.NOT_FOUND, message);
    }
}
