package dev.tender.app.api;

import dev.tender.connector.simulator.TestCards;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose instance died leaves its Idempotency-Key without a response (issue 12, finding 3: 409
 * "still being processed" forever). Once the key's lease is over, a retry with the same key and body takes
 * it over and answers from what the first request left: never running the money movement twice.
 * The death is staged in the table as a killed instance leaves it: the response never stored, the lease over.
 */
@MicronautTest(transactional = false)
class IdempotencyTakeoverApiTest extends ApiTestSupport {

    private static final String CREATE = "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,"
            + "\"capture_method\":\"manual\"," + card(VISA) + "}";

    @Inject
    JdbcOperations jdbc;

    @Test
    void aKeyWhoseHolderDiedBeforeDoingAnythingRunsTheRequestOnce() {
        // given: the first instance claimed the key and died before creating anything
        String key = merchant("m_takeover_nothing");
        IdempotencyRows.claimed(jdbc, merchantIdOf(key), "died-early", "/payments", CREATE, 600, -300);

        // when
        Answer retry = post(key, "/payments", CREATE, "died-early");
        Answer again = post(key, "/payments", CREATE, "died-early");

        // then
        assertThat(ok(retry)).containsEntry("status", "requires_capture");
        assertThat(again.body()).as("kept and replayed from now on").isEqualTo(retry.body());
        assertThat(ok(get(key, "/payments/list"))).containsEntry("size", 1);
    }

    @Test
    void aCreateWhoseHolderDiedAfterTheChargeAnswersThePaymentItMadeAndChargesOnce() {
        // given: the first attempt charged, then its instance died before the response was stored
        String key = merchant("m_takeover_create");
        Map<String, Object> first = ok(post(key, "/payments", CREATE, "died-after-charge"));
        IdempotencyRows.abandoned(jdbc, merchantIdOf(key), "died-after-charge");

        // when
        Answer retry = post(key, "/payments", CREATE, "died-after-charge");

        // then
        assertThat(ok(retry)).containsEntry("payment_id", first.get("payment_id"))
                .containsEntry("status", "requires_capture");
        assertThat(ok(get(key, "/payments/list"))).as("no second payment").containsEntry("size", 1);
    }

    @Test
    void aCaptureWhoseHolderDiedAfterItSettledIsAnsweredNotSentAgain() {
        // given
        String key = merchant("m_takeover_capture");
        String id = (String) ok(post(key, "/payments", CREATE)).get("payment_id");
        ok(post(key, "/payments/" + id + "/capture", "{\"amount_to_capture\":400}", "capture-died"));
        IdempotencyRows.abandoned(jdbc, merchantIdOf(key), "capture-died");

        // when
        Answer retry = post(key, "/payments/" + id + "/capture", "{\"amount_to_capture\":400}", "capture-died");

        // then: the capture made once, answered from the payment as it now is
        assertThat(ok(retry)).containsEntry("amount_received", 400).containsEntry("status", "partially_captured");
        assertThat(captures(key, id)).isEqualTo(1);
    }

    @Test
    void whileWhatTheDeadRequestBeganIsStillOpenTheRetryIsToldSoThenGetsTheSettledAnswer() {
        // given: an authorization the processor keeps pending, its request's instance dead
        String key = merchant("m_takeover_open");
        String body = CREATE.replace(VISA, TestCards.ASYNC_PENDING);
        String id = (String) ok(post(key, "/payments", body, "pending-died")).get("payment_id");
        IdempotencyRows.abandoned(jdbc, merchantIdOf(key), "pending-died");

        // when
        Answer whileOpen = post(key, "/payments", body, "pending-died");
        Answer stillOpen = post(key, "/payments", body, "pending-died");
        ok(get(key, "/payments/" + id + "?force_sync=true"));
        Answer settled = post(key, "/payments", body, "pending-died");

        // then
        assertThat(error(whileOpen, 409)).containsEntry("code", "HE_00");
        assertThat((String) error(whileOpen, 409).get("message")).contains("still being settled");
        assertThat(error(stillOpen, 409)).as("not stuck: looked at again").containsEntry("code", "HE_00");
        assertThat(ok(settled)).containsEntry("payment_id", id).containsEntry("status", "requires_capture");
        assertThat(ok(get(key, "/payments/list"))).containsEntry("size", 1);
    }

    @Test
    void aRefundWhoseHolderDiedIsFoundByTheIdItsKeyGaveIt() {
        // given
        String key = merchant("m_takeover_refund");
        String id = (String) confirmedPayment(key, 1000, "automatic").get("payment_id");
        String refund = "{\"payment_id\":\"" + id + "\",\"amount\":300}";
        Map<String, Object> first = ok(post(key, "/refunds", refund, "refund-died"));
        IdempotencyRows.abandoned(jdbc, merchantIdOf(key), "refund-died");

        // when
        Answer retry = post(key, "/refunds", refund, "refund-died");

        // then
        assertThat(ok(retry)).containsEntry("refund_id", first.get("refund_id")).containsEntry("amount", 300);
        assertThat((List<?>) ok(get(key, "/payments/" + id)).get("refunds")).hasSize(1);
    }

    @Test
    void aCreateNamingAnIdTakenBeforeItsKeyIsNotAnsweredWithThatPayment() {
        // given: a payment made earlier, and a key claimed well after (past the clocks' tolerance) by a create
        // naming the same id, whose instance died
        String key = merchant("m_takeover_taken_id");
        String body = "{\"payment_id\":\"pay_taken_before\"," + CREATE.substring(1);
        ok(post(key, "/payments", body));
        int later = (int) HttpIdempotency.CLOCK_TOLERANCE.toSeconds() * 2;
        IdempotencyRows.claimed(jdbc, merchantIdOf(key), "died-taken-id", "/payments", body, -later, -1);

        // when
        Answer retry = post(key, "/payments", body, "died-taken-id");

        // then: as the first attempt would have been answered
        assertThat(error(retry, 400)).containsEntry("code", "HE_01");
    }

    @Test
    void anotherBodyWithTheTakenKeyIsStill422() {
        // given
        String key = merchant("m_takeover_mismatch");
        IdempotencyRows.claimed(jdbc, merchantIdOf(key), "died-mismatch", "/payments", CREATE, 600, -300);

        // when
        Answer other = post(key, "/payments", CREATE.replace("1000", "2000"), "died-mismatch");

        // then
        assertThat(error(other, 422)).containsEntry("code", "IR_29");
        assertThat(ok(get(key, "/payments/list"))).containsEntry("size", 0);
    }

    private long captures(String apiKey, String paymentId) {
        return jdbc.execute(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM payments p, "
                    + "json_array_elements(p.transactions) t WHERE p.merchant_id = ? AND p.payment_id = ? "
                    + "AND t ->> 'kind' = 'capture'")) {
                count.setString(1, merchantIdOf(apiKey));
                count.setString(2, paymentId);
                try (var rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
