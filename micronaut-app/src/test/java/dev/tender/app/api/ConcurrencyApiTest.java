package dev.tender.app.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races over real HTTP (many captures, many refunds, confirm against cancel): a race ends in 200s and
 * clean 4xx errors, never a 5xx, and the money adds up. Merchant isolation is {@link MerchantIsolationApiTest}.
 */
@MicronautTest(transactional = false)
class ConcurrencyApiTest extends ApiTestSupport {

    private static final int RACERS = 50;
    private static final int THREADS = 16;
    private static final long AUTHORIZED = 10_000; // 100.00
    private static final long PART = 300; // 3.00

    @Test
    void fiftyConcurrentCapturesNeverCaptureMoreThanAuthorized() throws Exception {
        String key = merchant("m_race_capture");
        Map<String, Object> authorized = confirmedPayment(key, AUTHORIZED, "manual_multiple");
        String id = (String) authorized.get("payment_id");
        assertThat(authorized).containsEntry("status", "requires_capture").containsEntry("amount_capturable", 10_000);

        List<Answer> answers = race(RACERS, i -> () -> post(key, "/payments/" + id + "/capture",
                "{\"amount_to_capture\":" + PART + "}"));

        long succeeded = assertOkOrCleanClientErrors(answers);
        Map<String, Object> payment = ok(get(key, "/payments/" + id));
        long received = number(payment, "amount_received");
        assertThat(succeeded).as("captures accepted").isPositive();
        assertThat(received).isLessThanOrEqualTo(number(payment, "amount")).isEqualTo(PART * succeeded);
        assertThat(succeeded).isLessThanOrEqualTo(AUTHORIZED / PART);
        for (Answer answer : answers) {
            if (answer.status() == 200) {
                assertThat(number(answer.json(json), "amount_received")).isBetween(PART, received);
            }
        }
    }

    @Test
    void fiftyConcurrentRefundsNeverRefundMoreThanCaptured() throws Exception {
        String key = merchant("m_race_refund");
        Map<String, Object> captured = confirmedPayment(key, AUTHORIZED, "automatic");
        String id = (String) captured.get("payment_id");
        assertThat(captured).containsEntry("status", "succeeded").containsEntry("amount_received", 10_000);

        List<Answer> answers = race(RACERS, i -> () -> post(key, "/refunds",
                "{\"payment_id\":\"" + id + "\",\"amount\":" + PART + "}"));

        long succeeded = assertOkOrCleanClientErrors(answers);
        Map<String, Object> list = ok(post(key, "/refunds/list", "{\"payment_id\":\"" + id + "\",\"limit\":100}"));
        List<Map<?, ?>> refunds = ((List<?>) list.get("data")).stream().<Map<?, ?>>map(r -> (Map<?, ?>) r).toList();
        long refunded = refunds.stream().filter(r -> "succeeded".equals(r.get("status")))
                .mapToLong(r -> ((Number) r.get("amount")).longValue()).sum();
        List<Object> acceptedIds = answers.stream().filter(a -> a.status() == 200)
                .map(a -> a.json(json).get("refund_id")).toList();

        assertThat(succeeded).as("refunds accepted").isPositive();
        assertThat(refunded).isLessThanOrEqualTo(AUTHORIZED).isEqualTo(PART * succeeded);
        assertThat(refunds.stream().map(r -> (Object) r.get("refund_id")).toList())
                .containsExactlyInAnyOrderElementsOf(acceptedIds);
        for (Object refundId : acceptedIds) {
            assertThat(ok(get(key, "/refunds/" + refundId))).containsEntry("status", "succeeded")
                    .containsEntry("amount", (int) PART).containsEntry("payment_id", id);
        }
    }

    @Test
    void confirmRacingCancelEndsInOneOutcome() throws Exception {
        String key = merchant("m_race_confirm");
        for (int round = 0; round < 10; round++) {
            Map<String, Object> created = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                    + "\"capture_method\":\"automatic\"," + card(VISA) + "}"));
            String id = (String) created.get("payment_id");
            assertThat(created).containsEntry("status", "requires_confirmation");

            List<Answer> answers = race(2, i -> i == 0
                    ? () -> post(key, "/payments/" + id + "/confirm", "{" + card(VISA) + "}")
                    : () -> post(key, "/payments/" + id + "/cancel", "{\"cancellation_reason\":\"race\"}"));

            assertOkOrCleanClientErrors(answers);
            Answer confirm = answers.get(0);
            Answer cancel = answers.get(1);
            Map<String, Object> payment = ok(get(key, "/payments/" + id));
            String status = (String) payment.get("status");
            String context = "round " + round + ": confirm " + confirm.status() + " " + confirm.body()
                    + " / cancel " + cancel.status() + " " + cancel.body() + " / final " + payment;
            assertThat(status).as(context).isIn("cancelled", "succeeded");
            if (status.equals("cancelled")) {
                assertThat(number(payment, "amount_received")).as(context).isZero();
                assertThat(cancel.status()).as(context).isEqualTo(200);
                assertThat(confirm.status()).as(context).isNotEqualTo(200);
                assertThat(cancel.json(json)).as(context).containsEntry("status", "cancelled");
            } else {
                assertThat(number(payment, "amount_received")).as(context).isEqualTo(1000);
                assertThat(confirm.status()).as(context).isEqualTo(200);
                assertThat(cancel.status()).as(context).isNotEqualTo(200);
                assertThat(confirm.json(json)).as(context).containsEntry("status", "succeeded");
            }
        }
    }

    /** Runs the calls together (released by one latch) on at most {@link #THREADS} threads; answers in order. */
    private static List<Answer> race(int count, IntFunction<Callable<Answer>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, THREADS));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<Answer> task = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every answer is a 200 or a 4xx in Hyperswitch's error shape (never a 5xx); returns how many were 200. */
    private long assertOkOrCleanClientErrors(List<Answer> answers) {
        long ok = 0;
        for (Answer answer : answers) {
            if (answer.status() == 200) {
                ok++;
                continue;
            }
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
            Map<String, Object> error = error(answer, answer.status());
            assertThat(error.get("type")).as(answer.body()).isNotEqualTo("api");
            assertThat((String) error.get("code")).as(answer.body()).isNotBlank();
        }
        return ok;
    }

    private static long number(Map<String, Object> body, String field) {
        return ((Number) body.get(field)).longValue();
    }
}
