package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.tender.connector.kit.Json;
import dev.tender.connector.kit.MoneyMoved;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * A stateful Adyen for the conformance kit, as a WireMock transformer: it keeps the payments it
 * authorised and what they moved, the cards it stored per shopper, and every answer per Idempotency-Key
 * (a second call with a key replays the first answer and decides nothing again, as Adyen does). Cards:
 * {@link #REFUSED} is refused, {@link #CHALLENGED} redirects to 3DS, any other is authorised. A
 * modification of a payment it does not know (or did not authorise) is refused at once (422); any other
 * is acknowledged ("received") and decided at once ({@link FakeAdyenPayment}), and the decision is sent
 * as a signed notification ({@link #notificationAbout}), as is every authorisation's outcome.
 */
final class FakeAdyen implements ResponseDefinitionTransformerV2 {

    static final String REFUSED = "4000000000000002";
    static final String CHALLENGED = "4000000000003220";

    private static final Map<String, String> EVENT_CODES = Map.of("captures", "CAPTURE", "cancels", "CANCELLATION",
            "reversals", "CANCEL_OR_REFUND", "refunds", "REFUND", "amountUpdates", "AUTHORISATION_ADJUSTMENT");

    private final String apiKey;
    private final FakeAdyenNotifications notifications;
    private final Map<String, Answer> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, FakeAdyenPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, FakeAdyenPayment> challenged = new ConcurrentHashMap<>();
    private final Map<String, String> storedCardOwners = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile String baseUrl = "http://localhost";

    FakeAdyen(String apiKey, String hexHmacKey) {
        this.apiKey = apiKey;
        this.notifications = new FakeAdyenNotifications(hexHmacKey);
    }

    /** The signed notification Adyen posts about the call whose {@code reference} this is, if it decided anything. */
    Option<String> notificationAbout(String merchantReference) {
        return notifications.about(merchantReference);
    }

    /** What the payment with this pspReference really moved, if the fake authorised it. */
    Option<MoneyMoved> moneyMoved(String psp) {
        return Option.of(payments.get(psp)).map(FakeAdyenPayment::moved);
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getName() {
        return "fake-adyen";
    }

    private record Answer(int status, String body) {
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        var request = serveEvent.getRequest();
        Answer answer;
        if (!apiKey.equals(request.getHeader("X-API-Key"))) {
            answer = new Answer(401, """
                    {"status":401,"errorCode":"000","message":"HTTP Status Response - Unauthorized","errorType":"security"}""");
        } else {
            String key = request.getHeader("Idempotency-Key");
            answer = key == null ? answer(request.getUrl(), Json.read(request.getBodyAsString()))
                    : byIdempotencyKey.computeIfAbsent(key,
                            k -> answer(request.getUrl(), Json.read(request.getBodyAsString())));
        }
        return responseDefinition().withStatus(answer.status()).withHeader("Content-Type", "application/json")
                .withBody(answer.body()).build();
    }

    private Answer answer(String path, JsonNode body) {
        if (path.equals("/v71/payments")) {
            return payment(body);
        }
        if (path.equals("/v71/payments/details")) {
            return details(body);
        }
        String[] parts = path.split("/");
        if (parts.length == 5 && parts[2].equals("payments") && EVENT_CODES.containsKey(parts[4])) {
            return modification(parts[3], parts[4], body);
        }
        return new Answer(404, """
                {"status":404,"errorCode":"000","message":"no such endpoint","errorType":"validation"}""");
    }

    private Answer payment(JsonNode body) {
        JsonNode method = body.path("paymentMethod");
        String psp = newReference();
        String shopper = body.path("shopperReference").asText("");
        if (method.has("storedPaymentMethodId")) {
            if (!shopper.equals(storedCardOwners.get(method.path("storedPaymentMethodId").asText()))) {
                return new Answer(422, """
                        {"status":422,"errorCode":"800","message":"Contract not found","errorType":"validation"}""");
            }
            return authorised(psp, body);
        }
        return switch (method.path("number").asText("")) {
            case REFUSED -> {
                notifications.send(authorisation(body, psp, false, "Refused"));
                yield new Answer(200, """
                        {"pspReference":"%s","resultCode":"Refused","refusalReason":"Refused","refusalReasonCode":"2"}"""
                        .formatted(psp));
            }
            case CHALLENGED -> {
                challenged.put(psp, paymentOf(psp, body));
                yield new Answer(200, """
                        {"resultCode":"RedirectShopper","pspReference":"%s","action":{"paymentMethodType":"scheme",
                         "type":"redirect","method":"GET","url":"%s/checkoutshopper/threeDS/redirect?psp=%s"}}"""
                        .formatted(psp, baseUrl, psp));
            }
            default -> authorised(psp, body);
        };
    }

    private Answer authorised(String psp, JsonNode body) {
        payments.put(psp, paymentOf(psp, body));
        notifications.send(authorisation(body, psp, true, ""));
        ObjectNode answer = Json.object().put("pspReference", psp).put("resultCode", "Authorised")
                .put("merchantReference", body.path("reference").asText());
        if (body.path("storePaymentMethod").asBoolean(false)) {
            String stored = "STORED" + psp;
            storedCardOwners.put(stored, body.path("shopperReference").asText());
            answer.putObject("additionalData").put("tokenization.storedPaymentMethodId", stored)
                    .put("tokenization.shopperReference", body.path("shopperReference").asText());
        }
        return new Answer(200, Json.write(answer));
    }

    /** The conformance hook sends {@code redirectResult} "pass:psp" or "fail:psp". */
    private Answer details(JsonNode body) {
        String[] result = body.path("details").path("redirectResult").asText("").split(":", 2);
        FakeAdyenPayment payment = result.length == 2 ? challenged.remove(result[1]) : null;
        if (payment == null) {
            return new Answer(422, """
                    {"status":422,"errorCode":"14_018","message":"Invalid payload provided","errorType":"validation"}""");
        }
        if (result[0].equals("pass")) {
            payments.put(payment.psp(), payment);
            notifications.send(authorisation(payment, true, ""));
            return new Answer(200, """
                    {"pspReference":"%s","resultCode":"Authorised"}""".formatted(payment.psp()));
        }
        notifications.send(authorisation(payment, false, "3D Not Authenticated"));
        return new Answer(200, """
                {"pspReference":"%s","resultCode":"Refused","refusalReason":"3D Not Authenticated","refusalReasonCode":"11"}"""
                .formatted(payment.psp()));
    }

    private Answer modification(String psp, String kind, JsonNode body) {
        FakeAdyenPayment payment = payments.get(psp);
        if (payment == null) {
            return new Answer(422, """
                    {"status":422,"errorCode":"167","message":"Original pspReference required for this operation","errorType":"validation"}""");
        }
        long value = body.path("amount").path("value").asLong(payment.authorised());
        Either<String, FakeAdyenPayment> decided = switch (kind) {
            case "captures" -> payment.capture(value);
            case "refunds" -> payment.refund(value);
            case "amountUpdates" -> payment.updateAmount(value);
            case "cancels" -> payment.cancel();
            default -> payment.reverse();
        };
        decided.forEach(after -> payments.put(psp, after));
        String modification = newReference();
        String reference = body.path("reference").asText();
        notifications.send(new FakeAdyenNotifications.Item(EVENT_CODES.get(kind), modification, psp,
                payment.merchantAccount(), reference, value, payment.currency(), decided.isRight(),
                decided.swap().getOrElse("")));
        return new Answer(201, """
                {"merchantAccount":"%s","paymentPspReference":"%s","pspReference":"%s","reference":"%s","status":"received"}"""
                .formatted(body.path("merchantAccount").asText(), psp, modification, reference));
    }

    private static FakeAdyenPayment paymentOf(String psp, JsonNode body) {
        return FakeAdyenPayment.authorised(psp, body.path("reference").asText(), body.path("merchantAccount").asText(),
                body.path("amount").path("currency").asText(), body.path("amount").path("value").asLong(),
                body.path("additionalData").path("manualCapture").asBoolean(false));
    }

    private static FakeAdyenNotifications.Item authorisation(JsonNode body, String psp, boolean success,
                                                             String reason) {
        return authorisation(paymentOf(psp, body), success, reason);
    }

    private static FakeAdyenNotifications.Item authorisation(FakeAdyenPayment payment, boolean success, String reason) {
        return new FakeAdyenNotifications.Item("AUTHORISATION", payment.psp(), "", payment.merchantAccount(),
                payment.merchantReference(), payment.authorised(), payment.currency(), success, reason);
    }

    private String newReference() {
        return "FAKE%012d".formatted(sequence.incrementAndGet());
    }
}
