package dev.tender.connector.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tender.connector.kit.FormEncoding;
import dev.tender.connector.kit.Json;
import dev.tender.connector.kit.MoneyMoved;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stateful Stripe inside WireMock, for the conformance kit: PaymentIntents (confirm, capture with
 * multicapture, cancel, increment), refunds, customers, SetupIntents, search by metadata and
 * Stripe's idempotency (same key and body replays the saved answer; another body is an
 * {@code idempotency_error}). Test cards as Stripe documents them: 4242… approves, 4000…0002
 * declines {@code generic_decline}, 4000…9995 {@code insufficient_funds}, 4000…3220 asks for 3DS.
 */
final class StatefulFakeStripe implements ResponseDefinitionTransformerV2 {

    private static final Pattern INTENT_ACTION = Pattern.compile("/v1/payment_intents/([A-Za-z0-9_]+)(/[a-z_]+)?");
    private static final Pattern SEARCH_KEY = Pattern.compile("metadata\\['tender_idempotency_key'\\]:'([^']*)'");

    private final String secretKey;
    private String baseUrl = "";
    private final AtomicInteger ids = new AtomicInteger();
    private final java.util.Map<String, Saved> idempotency = new LinkedHashMap<>();
    private final java.util.Map<String, ObjectNode> intents = new LinkedHashMap<>();
    private final java.util.Map<String, List<ObjectNode>> refunds = new LinkedHashMap<>();
    private final java.util.Map<String, Long> voided = new LinkedHashMap<>();

    private record Saved(String request, int status, String body) {
    }

    StatefulFakeStripe(String secretKey) {
        this.secretKey = secretKey;
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A WireMock server on a free port answering as this fake (a test's own stubs of higher priority first). */
    WireMockServer serve() {
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ok()));
        baseUrl("http://localhost:" + server.port());
        return server;
    }

    @Override
    public String getName() {
        return "stateful-fake-stripe";
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        if (event.getResponseDefinition().getFault() != null) {
            // a test's stub that drops the connection before Stripe does anything
            return event.getResponseDefinition();
        }
        LoggedRequest request = event.getRequest();
        if (!("Bearer " + secretKey).equals(request.getHeader("Authorization"))) {
            return answer(401, error("invalid_request_error", "api_key_invalid", null, "Invalid API Key provided"));
        }
        // this fake replays one version's objects; a request without that version would get another shape
        if (!StripeFixtures.API_VERSION.equals(request.getHeader("Stripe-Version"))) {
            return answer(400, error("invalid_request_error", "invalid_api_version", null,
                    "this fake answers Stripe-Version " + StripeFixtures.API_VERSION + " only"));
        }
        String path = request.getUrl().split("\\?")[0];
        if (request.getMethod().getName().equals("GET")) {
            return get(request, path);
        }
        String key = request.getHeader("Idempotency-Key");
        String fingerprint = path + "?" + request.getBodyAsString();
        if (key != null && idempotency.containsKey(key)) {
            Saved saved = idempotency.get(key);
            return saved.request().equals(fingerprint) ? answer(saved.status(), saved.body())
                    : answer(400, error("idempotency_error", "idempotency_key_in_use", null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used with."));
        }
        Saved answer = post(path, FormEncoding.decode(request.getBodyAsString()), fingerprint);
        if (key != null) {
            idempotency.put(key, answer);
        }
        return answer(answer.status(), answer.body());
    }

    /** The customer at the 3DS page, passing the challenge or not. */
    synchronized void authenticate(String intentId, boolean passed) {
        ObjectNode intent = intents.get(intentId);
        intent.putNull("next_action");
        if (passed) {
            approve(intent);
        } else {
            intent.put("status", "requires_payment_method");
            intent.set("last_payment_error", lastError("invalid_request_error", "payment_intent_authentication_failure",
                    null, "The provided PaymentMethod has failed authentication."));
        }
    }

    synchronized Option<MoneyMoved> moneyMoved(String intentId) {
        ObjectNode intent = intents.get(intentId);
        if (intent == null) {
            return Option.none();
        }
        Currency currency = Currency.of(intent.path("currency").asText());
        long refunded = refunds.getOrDefault(intentId, List.of()).stream().mapToLong(r -> r.path("amount").asLong()).sum();
        return Option.some(new MoneyMoved(Money.of(intent.path("amount").asLong(), currency),
                Money.of(intent.path("amount_received").asLong(), currency), Money.of(refunded, currency),
                Money.of(voided.getOrDefault(intentId, 0L), currency), Money.zero(currency)));
    }

    private Saved post(String path, Map<String, String> form, String fingerprint) {
        if (path.equals("/v1/customers")) {
            ObjectNode customer = Json.object().put("id", "cus_" + ids.incrementAndGet()).put("object", "customer");
            return saved(fingerprint, 200, customer);
        }
        if (path.equals("/v1/payment_intents")) {
            return createIntent(form, fingerprint);
        }
        if (path.equals("/v1/setup_intents")) {
            ObjectNode setup = Json.object().put("id", "seti_" + ids.incrementAndGet()).put("object", "setup_intent")
                    .put("customer", form.get("customer").getOrNull()).put("payment_method", "pm_" + ids.incrementAndGet())
                    .put("usage", "off_session").put("status", "succeeded");
            return saved(fingerprint, 200, setup);
        }
        if (path.equals("/v1/refunds")) {
            return refund(form, fingerprint);
        }
        Matcher action = INTENT_ACTION.matcher(path);
        if (action.matches() && intents.containsKey(action.group(1))) {
            ObjectNode intent = intents.get(action.group(1));
            return switch (String.valueOf(action.group(2))) {
                case "/capture" -> capture(intent, form, fingerprint);
                case "/cancel" -> cancel(intent, fingerprint);
                case "/increment_authorization" -> increment(intent, form, fingerprint);
                default -> saved(fingerprint, 404, missing(path));
            };
        }
        return saved(fingerprint, 404, missing(path));
    }

    private Saved createIntent(Map<String, String> form, String fingerprint) {
        String id = "pi_" + ids.incrementAndGet();
        long amount = Long.parseLong(form.get("amount").get());
        ObjectNode intent = Json.object().put("id", id).put("object", "payment_intent").put("amount", amount)
                .put("amount_capturable", 0).put("amount_received", 0).put("currency", form.get("currency").get())
                .put("capture_method", form.get("capture_method").getOrElse("automatic"))
                .put("status", "requires_payment_method");
        intent.put("customer", form.get("customer").getOrNull());
        intent.put("setup_future_usage", form.get("setup_future_usage").getOrNull());
        intent.put("payment_method", form.get("payment_method").getOrElse("pm_" + ids.incrementAndGet()));
        intent.put("multicapture", form.get("payment_method_options[card][request_multicapture]").isDefined());
        intent.put("incremental", form.get("payment_method_options[card][request_incremental_authorization]").isDefined());
        ObjectNode metadata = intent.putObject("metadata");
        form.filterKeys(k -> k.startsWith("metadata[")).forEach(
                (k, v) -> metadata.put(k.substring("metadata[".length(), k.length() - 1), v));
        intents.put(id, intent);
        String card = form.get("payment_method_data[card][number]").getOrElse("4242424242424242");
        return switch (card) {
            case "4000000000000002" -> declined(intent, fingerprint, "generic_decline");
            case "4000000000009995" -> declined(intent, fingerprint, "insufficient_funds");
            case "4000000000003220" -> {
                intent.put("status", "requires_action");
                intent.putObject("next_action").put("type", "redirect_to_url").putObject("redirect_to_url")
                        .put("url", baseUrl + "/fake-acs/" + id).put("return_url", form.get("return_url").getOrNull());
                yield saved(fingerprint, 200, intent);
            }
            default -> {
                approve(intent);
                yield saved(fingerprint, 200, intent);
            }
        };
    }

    private void approve(ObjectNode intent) {
        long amount = intent.path("amount").asLong();
        if (intent.path("capture_method").asText().equals("manual")) {
            intent.put("status", "requires_capture").put("amount_capturable", amount);
        } else {
            intent.put("status", "succeeded").put("amount_received", amount);
        }
    }

    private Saved declined(ObjectNode intent, String fingerprint, String declineCode) {
        intent.set("last_payment_error", lastError("card_error", "card_declined", declineCode, "Your card was declined."));
        ObjectNode error = (ObjectNode) Json.read(error("card_error", "card_declined", declineCode, "Your card was declined."));
        ((ObjectNode) error.get("error")).set("payment_intent", intent.deepCopy());
        return saved(fingerprint, 402, error);
    }

    private Saved capture(ObjectNode intent, Map<String, String> form, String fingerprint) {
        long capturable = intent.path("amount_capturable").asLong();
        if (!intent.path("status").asText().equals("requires_capture")) {
            return saved(fingerprint, 400, unexpectedState(intent));
        }
        long amount = form.get("amount_to_capture").map(Long::parseLong).getOrElse(capturable);
        if (amount > capturable) {
            return saved(fingerprint, 400, Json.read(error("invalid_request_error", "amount_too_large", null,
                    "The amount to capture must be less than or equal to the amount capturable.")));
        }
        intent.put("amount_received", intent.path("amount_received").asLong() + amount);
        boolean last = !intent.path("multicapture").asBoolean() || !form.get("final_capture").contains("false");
        intent.put("amount_capturable", last ? 0 : capturable - amount);
        if (last) {
            intent.put("status", "succeeded");
        }
        return saved(fingerprint, 200, intent);
    }

    private Saved cancel(ObjectNode intent, String fingerprint) {
        String status = intent.path("status").asText();
        if (status.equals("succeeded") || status.equals("canceled")) {
            return saved(fingerprint, 400, unexpectedState(intent));
        }
        voided.put(intent.path("id").asText(), intent.path("amount_capturable").asLong());
        intent.put("status", "canceled").put("amount_capturable", 0).put("cancellation_reason", "requested_by_customer");
        return saved(fingerprint, 200, intent);
    }

    private Saved increment(ObjectNode intent, Map<String, String> form, String fingerprint) {
        long newTotal = Long.parseLong(form.get("amount").get());
        if (!intent.path("status").asText().equals("requires_capture") || !intent.path("incremental").asBoolean()
                || newTotal <= intent.path("amount").asLong()) {
            return saved(fingerprint, 400, unexpectedState(intent));
        }
        intent.put("amount", newTotal).put("amount_capturable", newTotal);
        return saved(fingerprint, 200, intent);
    }

    private Saved refund(Map<String, String> form, String fingerprint) {
        String intentId = form.get("payment_intent").getOrElse("");
        ObjectNode intent = intents.get(intentId);
        if (intent == null) {
            return saved(fingerprint, 404, missing("payment_intent " + intentId));
        }
        List<ObjectNode> done = refunds.computeIfAbsent(intentId, id -> new ArrayList<>());
        long left = intent.path("amount_received").asLong() - done.stream().mapToLong(r -> r.path("amount").asLong()).sum();
        long amount = form.get("amount").map(Long::parseLong).getOrElse(left);
        if (amount > left || amount <= 0) {
            return saved(fingerprint, 400, Json.read(error("invalid_request_error", "amount_too_large", null,
                    "Refund amount is greater than unrefunded amount on charge.")));
        }
        ObjectNode refund = Json.object().put("id", "re_" + ids.incrementAndGet()).put("object", "refund")
                .put("amount", amount).put("currency", intent.path("currency").asText())
                .put("payment_intent", intentId).put("status", "succeeded");
        ObjectNode metadata = refund.putObject("metadata");
        form.filterKeys(k -> k.startsWith("metadata[")).forEach(
                (k, v) -> metadata.put(k.substring("metadata[".length(), k.length() - 1), v));
        done.add(refund);
        return saved(fingerprint, 200, refund);
    }

    private ResponseDefinition get(LoggedRequest request, String path) {
        if (path.equals("/v1/payment_intents/search")) {
            Matcher key = SEARCH_KEY.matcher(request.queryParameter("query").firstValue());
            ArrayNode data = Json.mapper().createArrayNode();
            if (key.find()) {
                intents.values().stream()
                        .filter(i -> i.path("metadata").path("tender_idempotency_key").asText().equals(key.group(1)))
                        .forEach(data::add);
            }
            ObjectNode result = Json.object().put("object", "search_result").put("has_more", false);
            result.set("data", data);
            return answer(200, Json.write(result));
        }
        if (path.equals("/v1/refunds")) {
            ArrayNode data = Json.mapper().createArrayNode();
            refunds.getOrDefault(request.queryParameter("payment_intent").firstValue(), List.of()).forEach(data::add);
            ObjectNode list = Json.object().put("object", "list").put("has_more", false);
            list.set("data", data);
            return answer(200, Json.write(list));
        }
        if (path.startsWith("/v1/refunds/")) {
            String id = path.substring("/v1/refunds/".length());
            return refunds.values().stream().flatMap(List::stream).filter(r -> r.path("id").asText().equals(id))
                    .findFirst().map(r -> answer(200, Json.write(r)))
                    .orElseGet(() -> answer(404, Json.write(missing(path))));
        }
        Matcher intent = INTENT_ACTION.matcher(path);
        if (intent.matches() && intent.group(2) == null && intents.containsKey(intent.group(1))) {
            return answer(200, Json.write(intents.get(intent.group(1))));
        }
        return answer(404, Json.write(missing(path)));
    }

    private Saved saved(String fingerprint, int status, Object body) {
        return new Saved(fingerprint, status, Json.write(body));
    }

    private static ObjectNode unexpectedState(ObjectNode intent) {
        return (ObjectNode) Json.read(error("invalid_request_error", "payment_intent_unexpected_state", null,
                "This PaymentIntent's status is " + intent.path("status").asText() + "."));
    }

    private static ObjectNode missing(String what) {
        return (ObjectNode) Json.read(error("invalid_request_error", "resource_missing", null, "No such " + what));
    }

    private static ObjectNode lastError(String type, String code, String declineCode, String message) {
        return (ObjectNode) Json.read(error(type, code, declineCode, message)).get("error");
    }

    private static String error(String type, String code, String declineCode, String message) {
        return StripePayloads.error(type, code, declineCode, message);
    }

    private static ResponseDefinition answer(int status, String body) {
        return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }
}
