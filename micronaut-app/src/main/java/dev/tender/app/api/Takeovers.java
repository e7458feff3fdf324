package dev.tender.app.api;

import dev.tender.app.auth.Authenticated;
import dev.tender.app.http.ApiException;
import dev.tender.app.storage.ApiKeys;
import dev.tender.application.Tender;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.in.Fields;
import dev.tender.ports.out.RefundRecord;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.Optional;

/**
 * How the payments and refunds endpoints answer a retry that took over the {@code Idempotency-Key} of a
 * request whose instance died ({@link HttpIdempotency.Takeover}): from the settled state of what that
 * request did, so the money moves once. A request creating a payment or refund without naming its id gets
 * an id derived from its key, so the retry finds what the first one created.
 */
final class Takeovers {

    private Takeovers() {
    }

    /** An operation on one payment: what it began there since its key was first claimed. */
    static HttpIdempotency.Takeover onPayment(Tender tender, ApiResponses responses, HttpRequest<?> request,
                                              String paymentId) {
        return firstClaimedAt -> {
            Option<Payment> payment = find(tender, request, paymentId);
            List<Transaction> begun = payment.map(p -> p.transactions().filter(tx -> !tx.createdAt()
                    .isBefore(firstClaimedAt.minus(HttpIdempotency.CLOCK_TOLERANCE)))).getOrElse(List.empty());
            return begun.isEmpty() ? Optional.empty() : settled(responses, payment.get(), begun);
        };
    }

    /** A new payment: the one created under the id the body names, or the one its key gives it. */
    static HttpIdempotency.Takeover onCreatedPayment(Tender tender, ApiResponses responses, JsonMapper json,
                                                     HttpRequest<?> request, String body) {
        return firstClaimedAt -> {
            Option<String> id = topLevelText(json, body, "payment_id")
                    .orElse(() -> Option.ofOptional(derivedId(request, "pay")));
            // a payment older than the key is not this request's: running again refuses its id (HE_01)
            Option<Payment> payment = id.flatMap(value -> find(tender, request, value)).filter(p -> !p.createdAt()
                    .isBefore(firstClaimedAt.minus(HttpIdempotency.CLOCK_TOLERANCE)));
            return payment.isEmpty() ? Optional.empty() : settled(responses, payment.get(),
                    payment.get().transactions());
        };
    }

    /** A new refund: the one created under the id the body names, or the one its key gives it. */
    static HttpIdempotency.Takeover onCreatedRefund(Tender tender, ApiResponses responses, JsonMapper json,
                                                    HttpRequest<?> request, String body) {
        return firstClaimedAt -> {
            MerchantId merchant = Authenticated.merchant(request);
            Option<TransactionId> id = topLevelText(json, body, "refund_id")
                    .orElse(() -> Option.ofOptional(derivedId(request, "ref")))
                    .flatMap(value -> Fields.transaction("refund_id", value).toOption());
            Option<RefundRecord> refund = id.flatMap(value -> tender.refunds().get(merchant, value).toOption());
            if (refund.isEmpty()) {
                return Optional.empty();
            }
            Payment payment = PaymentsController.result(tender.payments().get(merchant, refund.get().paymentId()));
            return Optional.of(HttpResponse.ok(responses.refund(refund.get(), payment)));
        };
    }

    /**
     * The id a creating request gets when its body names none and it carries an {@code Idempotency-Key}:
     * the same for every retry with that key (and only for this merchant), so a retry finds what the first
     * attempt created.
     */
    static Optional<String> derivedId(HttpRequest<?> request, String prefix) {
        // the SHA-256 hex digest the API keys are kept under: nothing secret, only the same id every time
        return request.getHeaders().get(HttpIdempotency.HEADER, String.class).map(key -> prefix + "_"
                + ApiKeys.hash(prefix + "\n" + Authenticated.merchant(request).value() + "\n" + key).substring(0, 30));
    }

    private static Optional<HttpResponse<?>> settled(ApiResponses responses, Payment payment,
                                                     List<Transaction> begun) {
        Option<Transaction> open = begun.find(Transaction::inFlight);
        if (open.isDefined()) {
            throw new ApiException(409, "HE_00", "The request with this " + HttpIdempotency.HEADER + " began a "
                    + open.get().kind().name().toLowerCase() + " that is still being settled with the processor; "
                    + "retry later", false);
        }
        return Optional.of(HttpResponse.ok(responses.payment(payment)));
    }

    private static Option<Payment> find(Tender tender, HttpRequest<?> request, String paymentId) {
        return Fields.payment(paymentId).toOption()
                .flatMap(id -> tender.payments().get(Authenticated.merchant(request), id).toOption());
    }

    private static Option<String> topLevelText(JsonMapper json, String body, String field) {
        if (body == null || body.isBlank()) {
            return Option.none();
        }
        try {
            JsonNode node = json.readValue(body, JsonNode.class);
            JsonNode value = node == null || !node.isObject() ? null : node.get(field);
            return value != null && value.isString() ? Option.some(value.getStringValue()) : Option.none();
        } catch (java.io.IOException | RuntimeException malformed) {
            return Option.none();
        }
    }
}
