package dev.tender.benchmarks.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.benchmarks.load.Database;
import dev.tender.connector.kit.Json;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares every payment — each one the merchant created and each one the processor's ledger names — as
 * Tender answers it ({@code GET /payments/{id}}; its refunds and open transactions from its tables) with
 * the ledger of money the processor really moved and with what the merchant was acknowledged.
 */
final class Judge {

    private static final Set<String> OPEN = Set.of("processing", "requires_merchant_action");
    /** Statuses in which Tender holds and has captured nothing: the processor must not either. */
    private static final Set<String> NOTHING_MOVED = Set.of("failed", "requires_payment_method",
            "requires_confirmation", "cancelled", "expired");
    private static final Set<String> CAPTURED = Set.of("succeeded", "partially_captured",
            "partially_captured_and_capturable");

    private record Money(long captured, long held, long refunded, int intents, List<String> shown) {
        static final Money NONE = new Money(0, 0, 0, 0, List.of());
    }

    private final MerchantClient client;
    private final Database database;
    private final Figures figures;

    Judge(MerchantClient client, Database database, Figures figures) {
        this.client = client;
        this.database = database;
        this.figures = figures;
    }

    void judge(List<String> payments, List<Request> sent, JsonNode ledger, Verdict verdict) throws SQLException {
        Map<String, Money> moved = byPayment(ledger);
        Map<String, Long> refunded = sums("SELECT payment_id, sum(amount) FROM refunds WHERE status = 'succeeded' "
                + "GROUP BY payment_id");
        Map<String, Long> open = sums("SELECT p.payment_id, count(*) FROM payments p, json_array_elements(p.transactions) t "
                + "WHERE t ->> 'status' IN ('pending', 'unknown') GROUP BY p.payment_id");
        Map<String, Long> openRefunds = sums("SELECT payment_id, count(*) FROM refunds WHERE status = 'pending' "
                + "GROUP BY payment_id");
        Map<String, long[]> acknowledged = acknowledged(sent);
        Set<String> all = new LinkedHashSet<>(payments);
        all.addAll(moved.keySet());
        for (String paymentId : all) {
            Money money = moved.getOrDefault(paymentId, Money.NONE);
            Optional<Optional<JsonNode>> read = retrieve(paymentId);
            if (read.isEmpty()) {
                continue; // never answered but with a 5xx: that is counted, there is nothing to compare
            }
            Optional<JsonNode> payment = read.get();
            String status = payment.map(p -> p.path("status").asText()).orElse("(unknown to Tender)");
            figures.statuses.merge(status, 1, Integer::sum);
            payment.filter(p -> p.path("status").asText().equals("failed")).ifPresent(p -> figures.failures.merge(
                    p.path("error_code").asText() + " "
                            + p.path("error_message").asText().replaceAll("^(.{80}).*", "$1"), 1, Integer::sum));
            long received = payment.map(p -> p.path("amount_received").asLong(0)).orElse(0L);
            long capturable = payment.map(p -> p.path("amount_capturable").asLong(0)).orElse(0L);
            long tenderRefunded = refunded.getOrDefault(paymentId, 0L);
            String tender = "Tender: " + status + ", capturable " + capturable + ", received " + received
                    + ", refunded " + tenderRefunded;
            String processor = "processor: intents " + money.shown() + ", captured "
                    + money.captured() + ", held " + money.held() + ", refunded " + money.refunded();
            String both = paymentId + " — " + tender + "; " + processor;
            if (money.captured() + money.held() > 0 && (payment.isEmpty() || NOTHING_MOVED.contains(status))) {
                verdict.add(Verdict.Kind.CHARGE_WITHOUT_PAYMENT, both);
            }
            if (money.intents() > 1) {
                verdict.add(Verdict.Kind.DOUBLE_CHARGE, both);
            }
            // an open payment shows nothing capturable until it is settled; the left-open count has it
            boolean heldDiffers = !OPEN.contains(status) && capturable != money.held();
            if (payment.isPresent() && (received != money.captured() || tenderRefunded != money.refunded()
                    || heldDiffers)) {
                verdict.add(Verdict.Kind.MONEY_MISMATCH, both);
            }
            long[] told = acknowledged.getOrDefault(paymentId, new long[2]);
            if (told[0] > money.captured() || told[1] > money.refunded()) {
                verdict.add(Verdict.Kind.ACKNOWLEDGED_NOT_AT_PROCESSOR, paymentId + " — the merchant was told: "
                        + "received " + told[0] + ", refunded " + told[1] + "; " + processor);
            }
            long openTransactions = open.getOrDefault(paymentId, 0L) + openRefunds.getOrDefault(paymentId, 0L);
            if (OPEN.contains(status) || openTransactions > 0) {
                verdict.add(Verdict.Kind.LEFT_OPEN, both + "; " + openTransactions
                        + " open transaction(s) or refund(s)");
            }
        }
    }

    /** Per payment: the most it was told was received (any answer), and the refunds answered succeeded. */
    private static Map<String, long[]> acknowledged(List<Request> sent) {
        Map<String, long[]> told = new HashMap<>();
        for (Request request : sent) {
            if (request.status() != 200) {
                continue;
            }
            JsonNode answer = Json.read(request.answer());
            long[] sums = told.computeIfAbsent(request.paymentId, id -> new long[2]);
            if (request.kind == Request.Kind.REFUND) {
                if (answer.path("status").asText().equals("succeeded")) {
                    sums[1] += answer.path("amount").asLong();
                }
            } else if (CAPTURED.contains(answer.path("status").asText())) {
                sums[0] = Math.max(sums[0], answer.path("amount_received").asLong());
            }
        }
        return told;
    }

    /** What the processor moved for each Tender payment; "money" is what was captured or is still held. */
    private static Map<String, Money> byPayment(JsonNode ledger) {
        Map<String, Money> moved = new HashMap<>();
        for (JsonNode intent : ledger.path("intents")) {
            long captured = intent.path("captured").asLong();
            long held = intent.path("held").asLong();
            boolean money = captured + held > 0;
            List<String> shown = new ArrayList<>(moved.getOrDefault(intent.path("payment_id").asText(), Money.NONE)
                    .shown());
            shown.add(intent.path("intent").asText() + " " + intent.path("status").asText());
            moved.merge(intent.path("payment_id").asText(), new Money(captured, held, intent.path("refunded").asLong(),
                    money ? 1 : 0, shown), (a, b) -> new Money(a.captured() + b.captured(), a.held() + b.held(),
                    a.refunded() + b.refunded(), a.intents() + b.intents(), b.shown()));
        }
        return moved;
    }

    /** The payment, or none when Tender does not know it (404); empty when only 5xx came back. */
    private Optional<Optional<JsonNode>> retrieve(String paymentId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<HttpResponse<String>> response = client.get("/payments/" + paymentId);
            if (response.isPresent() && response.get().statusCode() == 200) {
                return Optional.of(Optional.of(Json.read(response.get().body())));
            }
            if (response.isPresent() && response.get().statusCode() == 404) {
                return Optional.of(Optional.empty());
            }
        }
        if (figures.serverErrors.stream().noneMatch(e -> e.startsWith("GET /payments/" + paymentId + " "))) {
            throw new IllegalStateException("GET /payments/" + paymentId + " was not answered 200, 404 or 5xx");
        }
        return Optional.empty();
    }

    private Map<String, Long> sums(String query) throws SQLException {
        Map<String, Long> sums = new HashMap<>();
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                sums.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sums;
    }
}

