package dev.tender.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.Json;
import dev.tender.connector.kit.UnreadableAnswer;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Stripe's webhook events. {@code Stripe-Signature} ({@code t=<unix seconds>,v1=<hex>[,v1=…]}) must carry
 * an HMAC-SHA256 of {@code "t.payload"} under the account's {@value #SECRET} credential (the endpoint's
 * {@code whsec_…}) — any of several {@code v1} values, as during a secret's rotation — and be within
 * {@link #TOLERANCE} of its arrival; nothing of the payload is read before. Events about an object that
 * carries Tender's ids in its metadata (what the connector sent) become outcomes of that transaction:
 * a payment intent authorized, succeeded or failed; a refund succeeded, failed or pending (as the answer to
 * the refund call reads). Other events are read as none.
 *
 * <p>An event is rendered in the API version of the webhook endpoint (or of the Stripe account), which may
 * differ from the version the connector pins for its calls ({@link StripeAccount#DEFAULT_API_VERSION}).
 * Such events are read all the same: only the event's {@code id} and {@code type} and the object's
 * {@code id}, {@code status}, {@code metadata}, {@code last_payment_error} and {@code failure_reason} are read,
 * and an event that lacks what is needed is read as none. Refusing them would gain nothing: Stripe would
 * send the same event again, refused each time, until it gives up.
 */
final class StripeWebhooks {

    static final String HEADER = "stripe-signature";
    static final String SECRET = "webhook_secret";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StripeWebhooks() {
    }

    static Either<WebhookSource.Refused, List<WebhookSource.Event>> read(WebhookSource.Delivery delivery,
                                                                        ConnectorAccount account) {
        Option<String> secret = account.credentials().get(SECRET);
        Option<String> header = delivery.headers().get(HEADER);
        if (secret.isEmpty()) {
            return Either.left(new WebhookSource.Refused("the connector account has no " + SECRET));
        }
        if (header.isEmpty()) {
            return Either.left(new WebhookSource.Refused("no Stripe-Signature header"));
        }
        Option<Long> at = parts(header.get(), "t").headOption().filter(t -> t.matches("\\d{1,12}")).map(Long::parseLong);
        if (at.isEmpty()) {
            return Either.left(new WebhookSource.Refused("Stripe-Signature has no timestamp"));
        }
        byte[] expected = sign(secret.get(), at.get(), delivery.body()).getBytes(StandardCharsets.US_ASCII);
        boolean verified = parts(header.get(), "v1")
                .exists(v1 -> MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII)));
        if (!verified) {
            return Either.left(new WebhookSource.Refused("no v1 signature verifies"));
        }
        if (Duration.between(Instant.ofEpochSecond(at.get()), delivery.receivedAt()).abs().compareTo(TOLERANCE) > 0) {
            return Either.left(new WebhookSource.Refused("the signature's timestamp is outside the tolerance"));
        }
        try {
            return Either.right(event(Json.read(new String(delivery.body(), StandardCharsets.UTF_8))).toList());
        } catch (UnreadableAnswer unreadable) {
            return Either.left(new WebhookSource.Refused("the payload is not JSON"));
        }
    }

    /** The header Stripe would send for this payload at {@code at}: for tests and local tools. */
    static String header(String secret, Instant at, byte[] payload) {
        return "t=" + at.getEpochSecond() + ",v1=" + sign(secret, at.getEpochSecond(), payload);
    }

    private static Option<WebhookSource.Event> event(JsonNode event) {
        JsonNode object = event.path("data").path("object");
        String id = event.path("id").asText("");
        Option<String> paymentId = text(object.path("metadata"), "tender_payment_id");
        Option<String> transactionId = text(object.path("metadata"), "tender_transaction_id");
        if (id.isEmpty() || paymentId.isEmpty() || transactionId.isEmpty()) {
            return Option.none();
        }
        return outcome(event.path("type").asText(""), object).map(outcome -> new WebhookSource.Event(id,
                PaymentId.of(paymentId.get()), TransactionId.of(transactionId.get()), outcome));
    }

    private static Option<Outcome> outcome(String type, JsonNode object) {
        String reference = object.path("id").asText(null);
        return switch (type) {
            case "payment_intent.amount_capturable_updated", "payment_intent.succeeded" ->
                    Option.some(Outcome.Approved.of(reference));
            case "payment_intent.payment_failed" -> Option.some(StripeAnswers.lastError(object.path("last_payment_error")));
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" -> refund(object);
            default -> Option.none();
        };
    }

    /** Read as the answer to the refund call is; a status Stripe may add later is no outcome. */
    private static Option<Outcome> refund(JsonNode refund) {
        try {
            return Option.some(StripeAnswers.refund(refund));
        } catch (UnreadableAnswer unknownStatus) {
            return Option.none();
        }
    }

    private static Option<String> text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Option.some(value.asText())
                : Option.none();
    }

    private static List<String> parts(String header, String name) {
        return List.of(header.split(",")).map(String::trim).filter(part -> part.startsWith(name + "="))
                .map(part -> part.substring(name.length() + 1));
    }

    private static String sign(String secret, long at, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((at + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
