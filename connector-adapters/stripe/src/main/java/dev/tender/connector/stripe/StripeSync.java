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
 * What Stripe now says about an earlier call, read from Stripe's record of that very operation, never
 * from the PaymentIntent's overall state: an authorization from its PaymentIntent (or SetupIntent); a
 * capture from the amount the intent has received against what Tender had seen captured before it (a
 * capture moved money only if it added exactly its own amount); a refund by its id, or by the
 * idempotency key Tender put in its metadata; a void from the intent being canceled. An authorization
 * whose answer was lost before its id was known is found by the Search API on the key in its metadata;
 * not found there is {@code not_found}, which the caller takes as final only after its grace period (the
 * index lags by up to a minute). What Stripe cannot tell stays {@code Unknown}.
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
            case CAPTURE -> r.settledBefore().isEmpty()
                    ? new Outcome.Unknown("a capture cannot be told apart from earlier ones without their total")
                    : read("/v1/payment_intents/" + id, answer -> captured(answer, id,
                            r.settledBefore().get().minor(), r.amount().minor()));
            case VOID -> read("/v1/payment_intents/" + id, answer -> status(answer, "canceled", id));
            case INCREMENT -> read("/v1/payment_intents/" + id, answer -> answer.json().path("amount").asLong()
                    >= r.amount().minor() ? Outcome.Approved.of(id) : notFound("no increment to " + r.amount()));
            case REFUND -> r.operationReference().exists(ref -> ref.matches("re_[A-Za-z0-9_]{1,250}"))
                    ? read("/v1/refunds/" + r.operationReference().get(), answer -> StripeAnswers.refund(answer.json()))
                    : read("/v1/refunds?payment_intent=" + id + "&limit=100", answer -> refundByKey(answer, key));
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
                    : notFound("no payment intent carries this idempotency key in Stripe's search (its index "
                    + "lags by up to a minute: final only after the grace period)");
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

    /**
     * Stripe keeps one running total per intent, so a capture shows only as what it added: received equal to
     * the total before it plus its amount is this capture; equal to the total before it, it never happened;
     * anything else is money Tender cannot account for, left {@code Unknown} for a person.
     */
    private static Outcome captured(HttpAnswer answer, String id, long capturedBefore, long amount) {
        JsonNode intent = answer.json();
        String status = intent.path("status").asText();
        if (status.equals("processing")) {
            return Outcome.Pending.of();
        }
        long received = intent.path("amount_received").asLong();
        if (received == capturedBefore + amount) {
            return Outcome.Approved.of(id);
        }
        if (received == capturedBefore) {
            return notFound("the payment intent is " + status + " and received nothing since the capture began");
        }
        return new Outcome.Unknown("the payment intent received " + received + ", neither " + capturedBefore
                + " (before the capture) nor " + (capturedBefore + amount) + " (with it)");
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
