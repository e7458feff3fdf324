package dev.tender.connector.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.tender.connector.kit.Json;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * A stateful Adyen for the conformance kit, as a WireMock transformer: it keeps the payments it
 * authorised, the cards it stored per shopper, and every answer per Idempotency-Key (a second call
 * with a key replays the first answer, as Adyen does). Cards: {@link #REFUSED} is refused,
 * {@link #CHALLENGED} redirects to 3DS, any other is authorised. Modifications are acknowledged
 * ("received") for payments it knows, 422 otherwise; their outcome would come by webhook.
 */
final class FakeAdyen implements ResponseDefinitionTransformerV2 {

    static final String REFUSED = "4000000000000002";
    static final String CHALLENGED = "4000000000003220";

    private final String apiKey;
    private final Map<String, Answer> byIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, String> payments = new ConcurrentHashMap<>();
    private final Map<String, String> storedCardOwners = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile String baseUrl = "http://localhost";

    FakeAdyen(String apiKey) {
        this.apiKey = apiKey;
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
    public ResponseDefinition transform(ServeEvent serveEvent) {
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
        if (parts.length == 5 && parts[2].equals("payments")) {
            return modification(parts[3], body);
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
            case REFUSED -> new Answer(200, """
                    {"pspReference":"%s","resultCode":"Refused","refusalReason":"Refused","refusalReasonCode":"2"}"""
                    .formatted(psp));
            case CHALLENGED -> {
                payments.put(psp, "challenged");
                yield new Answer(200, """
                        {"resultCode":"RedirectShopper","pspReference":"%s","action":{"paymentMethodType":"scheme",
                         "type":"redirect","method":"GET","url":"%s/checkoutshopper/threeDS/redirect?psp=%s"}}"""
                        .formatted(psp, baseUrl, psp));
            }
            default -> authorised(psp, body);
        };
    }

    private Answer authorised(String psp, JsonNode body) {
        payments.put(psp, "authorised");
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
        if (result.length != 2 || !"challenged".equals(payments.get(result[1]))) {
            return new Answer(422, """
                    {"status":422,"errorCode":"14_018","message":"Invalid payload provided","errorType":"validation"}""");
        }
        if (result[0].equals("pass")) {
            payments.put(result[1], "authorised");
            return new Answer(200, """
                    {"pspReference":"%s","resultCode":"Authorised"}""".formatted(result[1]));
        }
        payments.put(result[1], "refused");
        return new Answer(200, """
                {"pspReference":"%s","resultCode":"Refused","refusalReason":"3D Not Authenticated","refusalReasonCode":"11"}"""
                .formatted(result[1]));
    }

    private Answer modification(String psp, JsonNode body) {
        if (!"authorised".equals(payments.get(psp))) {
            return new Answer(422, """
                    {"status":422,"errorCode":"167","message":"Original pspReference required for this operation","errorType":"validation"}""");
        }
        return new Answer(201, """
                {"merchantAccount":"%s","paymentPspReference":"%s","pspReference":"%s","reference":"%s","status":"received"}"""
                .formatted(body.path("merchantAccount").asText(), psp, newReference(), body.path("reference").asText()));
    }

    private String newReference() {
        return "FAKE%012d".formatted(sequence.incrementAndGet());
    }
}
