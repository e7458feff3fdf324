package dev.tender.benchmarks.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.Json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The merchant's payment flows, one of four by the flow's number: automatic capture and two partial refunds;
 * manual capture of the whole; {@code manual_multiple} captured in three parts (30 %, 20 %, the rest), then a
 * refund; manual then
 * cancel. The campaign names each payment ({@code payment_id}), so a payment whose creation was never
 * answered is still judged. A flow goes on only from the status it expects (after waiting a little for an
 * open payment to settle), as a merchant's order would.
 */
final class Flows {

    private static final String CARD = "\"payment_method\":\"card\",\"payment_method_data\":{\"card\":{"
            + "\"card_number\":\"4242424242424242\",\"card_exp_month\":\"12\",\"card_exp_year\":\"2035\","
            + "\"card_cvc\":\"123\",\"card_holder_name\":\"Fault Campaign\"}}";
    private static final Set<String> OPEN = Set.of("processing", "requires_merchant_action");

    private final MerchantClient client;
    private final String run;
    private final Duration patience;
    private final Duration settleWait;
    private final List<Request> sent = new CopyOnWriteArrayList<>();
    private final List<String> payments = new CopyOnWriteArrayList<>();

    Flows(MerchantClient client, String run, Duration patience, Duration settleWait) {
        this.client = client;
        this.run = run;
        this.patience = patience;
        this.settleWait = settleWait;
    }

    List<Request> sent() {
        return sent;
    }

    List<String> payments() {
        return payments;
    }

    void run(int number) {
        String paymentId = "pay_" + run + "_" + number;
        payments.add(paymentId);
        long amount = 1_000 + ThreadLocalRandom.current().nextLong(19_000);
        switch (number % 4) {
            case 0 -> {
                if (create(paymentId, amount, "automatic").equals("succeeded")) {
                    refund(paymentId, 1, amount / 4);
                    refund(paymentId, 2, amount / 4);
                }
            }
            case 1 -> {
                if (create(paymentId, amount, "manual").equals("requires_capture")) {
                    capture(paymentId, 1, amount);
                }
            }
            case 2 -> {
                long first = amount * 3 / 10;
                long second = amount / 5;
                if (create(paymentId, amount, "manual_multiple").equals("requires_capture")
                        && !capture(paymentId, 1, first).equals("failed")
                        && capture(paymentId, 2, second).equals("partially_captured_and_capturable")
                        && capture(paymentId, 3, amount - first - second).equals("succeeded")) {
                    refund(paymentId, 1, amount / 10);
                }
            }
            default -> {
                if (create(paymentId, amount, "manual").equals("requires_capture")) {
                    send(new Request(Request.Kind.CANCEL, paymentId, "/payments/" + paymentId + "/cancel",
                            paymentId + ":cancel", "{\"cancellation_reason\":\"requested_by_customer\"}", 0));
                }
            }
        }
    }

    private String create(String paymentId, long amount, String captureMethod) {
        return send(new Request(Request.Kind.CREATE, paymentId, "/payments", paymentId + ":create",
                "{\"payment_id\":\"" + paymentId + "\",\"amount\":" + amount + ",\"currency\":\"USD\",\"confirm\":true,"
                        + "\"capture_method\":\"" + captureMethod + "\",\"customer_id\":\"cus_chaos\"," + CARD + "}",
                amount));
    }

    private String capture(String paymentId, int n, long amount) {
        return send(new Request(Request.Kind.CAPTURE, paymentId, "/payments/" + paymentId + "/capture",
                paymentId + ":capture" + n, "{\"amount_to_capture\":" + amount + "}", amount));
    }

    private void refund(String paymentId, int n, long amount) {
        send(new Request(Request.Kind.REFUND, paymentId, "/refunds", paymentId + ":refund" + n,
                "{\"payment_id\":\"" + paymentId + "\",\"refund_id\":\"" + paymentId + "_r" + n + "\",\"amount\":"
                        + amount + ",\"reason\":\"fault campaign\"}", amount));
    }

    /** Sends the request; answers the payment's status after it (waiting a little while it is open). */
    private String send(Request request) {
        sent.add(request);
        client.send(request, patience);
        if (request.status() != 200) {
            return "(" + request.status() + ")";
        }
        String status = request.kind == Request.Kind.REFUND ? "" : Json.read(request.answer()).path("status").asText();
        Instant deadline = Instant.now().plus(settleWait);
        while (OPEN.contains(status) && Instant.now().isBefore(deadline)) {
            sleep();
            Optional<HttpResponse<String>> read = client.get("/payments/" + request.paymentId);
            if (read.isPresent() && read.get().statusCode() == 200) {
                JsonNode payment = Json.read(read.get().body());
                status = payment.path("status").asText();
            }
        }
        return status;
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
