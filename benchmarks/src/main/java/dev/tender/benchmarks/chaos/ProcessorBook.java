package dev.tender.benchmarks.chaos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tender.connector.kit.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake processor's books: the subset of Stripe's PaymentIntents and Refunds the Stripe connector calls
 * (create and confirm, manual and multicapture captures, cancel, increment, refunds, search by metadata,
 * reads with the latest charge), and the ledger of the money they really moved. Every card approves: the
 * campaign is about lost answers, not declines. One lock: the fake is a witness, not a benchmark.
 */
final class ProcessorBook {

    /** An HTTP status and a JSON body. */
    record Answer(int status, String body) {
    }

    private static final Pattern INTENT = Pattern.compile("/v1/payment_intents/([A-Za-z0-9_]+)(/[a-z_]+)?");
    private static final Pattern REFUND = Pattern.compile("/v1/refunds/([A-Za-z0-9_]+)");
    private static final Pattern CHARGE = Pattern.compile("/v1/charges/ch_([A-Za-z0-9_]+)");
    private static final Pattern SEARCH = Pattern.compile("metadata\\['([A-Za-z0-9_]+)'\\]\\s*:\\s*'([^']*)'");

    private long ids;
    private final Map<String, ObjectNode> intents = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> refunds = new LinkedHashMap<>();
    private final Map<String, Long> voided = new LinkedHashMap<>();
    private final Set<String> multicapture = new HashSet<>();

    synchronized Answer post(String path, Map<String, String> form) {
        if (path.equals("/v1/payment_intents")) {
            return create(form);
        }
        if (path.equals("/v1/refunds")) {
            return refund(form);
        }
        Matcher action = INTENT.matcher(path);
        if (action.matches() && intents.containsKey(action.group(1))) {
            ObjectNode intent = intents.get(action.group(1));
            return switch (String.valueOf(action.group(2))) {
                case "/capture" -> capture(intent, form);
                case "/cancel" -> cancel(intent);
                case "/increment_authorization" -> increment(intent, form);
                default -> missing(path);
            };
        }
        return missing(path);
    }

    synchronized Answer get(String path, Map<String, String> query) {
        if (path.equals("/v1/payment_intents/search")) {
            Matcher term = SEARCH.matcher(query.getOrDefault("query", ""));
            ArrayNode data = Json.mapper().createArrayNode();
            if (term.find()) {
                intents.values().stream().filter(i -> i.path("metadata").path(term.group(1)).asText()
                        .equals(term.group(2))).forEach(i -> data.add(withCharge(i)));
            }
            return list("search_result", data);
        }
        if (path.equals("/v1/refunds")) {
            ArrayNode data = Json.mapper().createArrayNode();
            refunds.getOrDefault(query.getOrDefault("payment_intent", ""), List.of()).forEach(data::add);
            return list("list", data);
        }
        Matcher intent = INTENT.matcher(path);
        if (intent.matches() && intent.group(2) == null && intents.containsKey(intent.group(1))) {
            return ok(withCharge(intents.get(intent.group(1))));
        }
        Matcher charge = CHARGE.matcher(path);
        if (charge.matches() && intents.containsKey("pi_" + charge.group(1))) {
            return ok(charge(intents.get("pi_" + charge.group(1))));
        }
        Matcher refund = REFUND.matcher(path);
        if (refund.matches()) {
            return refunds.values().stream().flatMap(List::stream)
                    .filter(r -> r.path("id").asText().equals(refund.group(1))).findFirst()
                    .map(ProcessorBook::ok).orElseGet(() -> missing(path));
        }
        return missing(path);
    }

    /**
     * What moved, per PaymentIntent, with the Tender payment it was made for: {@code authorized} is the
     * amount approved (whether or not voided later), {@code held} what is still authorized and not captured.
     */
    synchronized String ledger() {
        ArrayNode rows = Json.mapper().createArrayNode();
        for (ObjectNode intent : intents.values()) {
            String id = intent.path("id").asText();
            String status = intent.path("status").asText();
            boolean approved = !status.equals("requires_payment_method");
            rows.addObject().put("intent", id)
                    .put("payment_id", intent.path("metadata").path("tender_payment_id").asText())
                    .put("status", status)
                    .put("authorized", approved ? intent.path("amount").asLong() : 0)
                    .put("held", intent.path("amount_capturable").asLong())
                    .put("captured", intent.path("amount_received").asLong())
                    .put("refunded", refunded(id))
                    .put("voided", voided.getOrDefault(id, 0L));
        }
        ObjectNode ledger = Json.object();
        ledger.set("intents", rows);
        return Json.write(ledger);
    }

    private Answer create(Map<String, String> form) {
        String id = "pi_" + ++ids;
        long amount = Long.parseLong(form.getOrDefault("amount", "0"));
        boolean manual = form.getOrDefault("capture_method", "automatic").equals("manual");
        ObjectNode intent = Json.object().put("id", id).put("object", "payment_intent").put("amount", amount)
                .put("amount_capturable", manual ? amount : 0).put("amount_received", manual ? 0 : amount)
                .put("currency", form.getOrDefault("currency", "usd"))
                .put("capture_method", manual ? "manual" : "automatic")
                .put("status", manual ? "requires_capture" : "succeeded")
                .put("payment_method", "pm_" + ++ids).put("latest_charge", "ch_" + id.substring(3));
        intent.putNull("customer").putNull("setup_future_usage").putNull("next_action");
        ObjectNode metadata = intent.putObject("metadata");
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[")) {
                metadata.put(k.substring("metadata[".length(), k.length() - 1), v);
            }
        });
        if (form.containsKey("payment_method_options[card][request_multicapture]")) {
            multicapture.add(id);
        }
        intents.put(id, intent);
        return ok(withCharge(intent));
    }

    private Answer capture(ObjectNode intent, Map<String, String> form) {
        long capturable = intent.path("amount_capturable").asLong();
        if (!intent.path("status").asText().equals("requires_capture")) {
            return unexpectedState(intent);
        }
        long amount = form.containsKey("amount_to_capture") ? Long.parseLong(form.get("amount_to_capture"))
                : capturable;
        if (amount > capturable || amount <= 0) {
            return error(400, "invalid_request_error", "amount_too_large",
                    "The amount to capture must be less than or equal to the amount capturable.");
        }
        intent.put("amount_received", intent.path("amount_received").asLong() + amount);
        boolean last = !multicapture.contains(intent.path("id").asText())
                || !"false".equals(form.get("final_capture")) || amount == capturable;
        // Stripe releases what a final capture leaves uncaptured
        intent.put("amount_capturable", last ? 0 : capturable - amount);
        if (last) {
            intent.put("status", "succeeded");
        }
        return ok(withCharge(intent));
    }

    private Answer cancel(ObjectNode intent) {
        String status = intent.path("status").asText();
        if (status.equals("succeeded") || status.equals("canceled")) {
            return unexpectedState(intent);
        }
        voided.put(intent.path("id").asText(), intent.path("amount_capturable").asLong());
        intent.put("status", "canceled").put("amount_capturable", 0)
                .put("cancellation_reason", "requested_by_customer");
        return ok(withCharge(intent));
    }

    private Answer increment(ObjectNode intent, Map<String, String> form) {
        long newTotal = Long.parseLong(form.getOrDefault("amount", "0"));
        if (!intent.path("status").asText().equals("requires_capture") || newTotal <= intent.path("amount").asLong()) {
            return unexpectedState(intent);
        }
        long received = intent.path("amount_received").asLong();
        intent.put("amount", newTotal).put("amount_capturable", newTotal - received);
        return ok(withCharge(intent));
    }

    private Answer refund(Map<String, String> form) {
        String intentId = form.getOrDefault("payment_intent", "");
        ObjectNode intent = intents.get(intentId);
        if (intent == null) {
            return missing("payment_intent " + intentId);
        }
        long left = intent.path("amount_received").asLong() - refunded(intentId);
        long amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : left;
        if (amount > left || amount <= 0) {
            return error(400, "invalid_request_error", "amount_too_large",
                    "Refund amount is greater than unrefunded amount on charge.");
        }
        ObjectNode refund = Json.object().put("id", "re_" + ++ids).put("object", "refund").put("amount", amount)
                .put("currency", intent.path("currency").asText()).put("payment_intent", intentId)
                .put("charge", "ch_" + intentId.substring(3)).put("status", "succeeded");
        ObjectNode metadata = refund.putObject("metadata");
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[")) {
                metadata.put(k.substring("metadata[".length(), k.length() - 1), v);
            }
        });
        refunds.computeIfAbsent(intentId, i -> new ArrayList<>()).add(refund);
        return ok(refund);
    }

    private long refunded(String intentId) {
        return refunds.getOrDefault(intentId, List.of()).stream().mapToLong(r -> r.path("amount").asLong()).sum();
    }

    /** The intent with its charge expanded, as {@code expand[]=latest_charge} answers it (harmless otherwise). */
    private ObjectNode withCharge(ObjectNode intent) {
        ObjectNode copy = intent.deepCopy();
        copy.set("latest_charge", charge(intent));
        return copy;
    }

    private ObjectNode charge(ObjectNode intent) {
        String id = intent.path("id").asText();
        long captured = intent.path("amount_received").asLong();
        return Json.object().put("id", "ch_" + id.substring(3)).put("object", "charge")
                .put("amount", intent.path("amount").asLong()).put("amount_captured", captured)
                .put("amount_refunded", refunded(id)).put("captured", captured > 0)
                .put("payment_intent", id).put("status", "succeeded");
    }

    private static Answer list(String object, ArrayNode data) {
        ObjectNode list = Json.object().put("object", object).put("has_more", false);
        list.set("data", data);
        return ok(list);
    }

    private static Answer ok(ObjectNode body) {
        return new Answer(200, Json.write(body));
    }

    private static Answer unexpectedState(ObjectNode intent) {
        return error(400, "invalid_request_error", "payment_intent_unexpected_state",
                "This PaymentIntent's status is " + intent.path("status").asText() + ".");
    }

    private static Answer missing(String what) {
        return error(404, "invalid_request_error", "resource_missing", "No such " + what);
    }

    static Answer error(int status, String type, String code, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("type", type).put("message", message);
        if (code != null) {
            error.put("code", code);
        }
        return new Answer(status, Json.write(body));
    }
}
