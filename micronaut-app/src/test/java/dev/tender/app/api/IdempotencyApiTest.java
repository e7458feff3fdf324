package dev.tender.app.api;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The Idempotency-Key of every POST: replay, mismatch, in progress, released when nothing ran. */
@MicronautTest(transactional = false)
class IdempotencyApiTest extends ApiTestSupport {

    @Inject
    JdbcOperations jdbc;

    private static final String CREATE = "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,"
            + "\"capture_method\":\"manual\"," + card(VISA) + "}";

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseExactly() {
        String key = merchant("m_replay");

        Answer first = post(key, "/payments", CREATE, "create-1");
        Answer second = post(key, "/payments", CREATE, "create-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.response().header(HttpIdempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(first.response().header(HttpIdempotency.REPLAYED_HEADER)).isNull();
        assertThat(ok(get(key, "/payments/list"))).containsEntry("size", 1);
    }

    @Test
    void aReplayedOperationIsNotSentAgain() {
        String key = merchant("m_replay_capture");
        String id = (String) ok(post(key, "/payments", CREATE)).get("payment_id");

        Answer first = post(key, "/payments/" + id + "/capture", "{\"amount_to_capture\":400}", "capture-1");
        Answer again = post(key, "/payments/" + id + "/capture", "{\"amount_to_capture\":400}", "capture-1");
        Answer refund = post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":100}", "refund-1");
        Answer refundAgain = post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":100}", "refund-1");

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ok(first)).containsEntry("amount_received", 400);
        assertThat(refundAgain.body()).isEqualTo(refund.body());
        assertThat((java.util.List<?>) ok(get(key, "/payments/" + id)).get("refunds")).hasSize(1);
    }

    @Test
    void aRejectionIsKeptAndReplayed() {
        String key = merchant("m_replay_error");
        String id = (String) confirmedPayment(key, 500, "automatic").get("payment_id");

        Answer first = post(key, "/payments/" + id + "/capture", "{}", "capture-err");
        Answer second = post(key, "/payments/" + id + "/capture", "{}", "capture-err");

        assertThat(error(first, 400)).containsEntry("code", "IR_14");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.response().header(HttpIdempotency.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIs422() {
        String key = merchant("m_mismatch");
        ok(post(key, "/payments", CREATE, "create-2"));

        Map<String, Object> otherBody = error(post(key, "/payments", CREATE.replace("1000", "1001"), "create-2"), 422);
        Map<String, Object> otherPath = error(post(key, "/refunds", "{\"payment_id\":\"pay_1\"}", "create-2"), 422);

        assertThat(otherBody).containsEntry("code", "IR_29").containsEntry("type", "invalid_request");
        assertThat((String) otherBody.get("message")).contains("create-2");
        assertThat(otherPath).containsEntry("code", "IR_29");
        assertThat(ok(get(key, "/payments/list"))).containsEntry("size", 1);
    }

    @Test
    void keysBelongToTheirMerchant() {
        String one = merchant("m_key_one");
        String two = merchant("m_key_two");

        Answer first = post(one, "/payments", CREATE, "shared-key");
        Answer second = post(two, "/payments", CREATE.replace("1000", "2000"), "shared-key");

        assertThat(ok(first)).containsEntry("amount", 1000);
        assertThat(ok(second)).containsEntry("amount", 2000);
        assertThat(second.response().header(HttpIdempotency.REPLAYED_HEADER)).isNull();
    }

    @Test
    void aRequestRefusedBeforeItRanReleasesItsKey() {
        String key = merchant("m_release");

        Answer invalid = post(key, "/payments", "{\"amount\":\"ten\",\"currency\":\"USD\"}", "create-3");
        Answer valid = post(key, "/payments", CREATE, "create-3");

        assertThat(error(invalid, 400)).containsEntry("code", "IR_06");
        assertThat(ok(valid)).containsEntry("status", "requires_capture");
    }

    @Test
    void aDuplicateWhileTheFirstIsStillRunningIs409() throws Exception {
        String key = merchant("m_slow", ApiTestFixtures.SLOW);

        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> post(key, "/payments", CREATE, "slow-1"));
        Thread.sleep(500);
        Answer duplicate = post(key, "/payments", CREATE, "slow-1");
        Answer done = first.get();
        Answer retry = post(key, "/payments", CREATE, "slow-1");

        assertThat(error(duplicate, 409)).containsEntry("code", "HE_00");
        assertThat(ok(done)).containsEntry("status", "requires_capture");
        assertThat(retry.body()).isEqualTo(done.body());
        assertThat(ok(get(key, "/payments/list"))).containsEntry("size", 1);
    }

    @Test
    void aKeyClaimedByAnotherInstanceAndNotFinishedIs409() {
        String key = merchant("m_claimed");
        String merchant = merchantIdOf(key);
        IdempotencyRows.claimed(jdbc, merchant, "claimed-1", "/payments", CREATE, 0, 300);

        Answer duplicate = post(key, "/payments", CREATE, "claimed-1");
        Answer other = post(key, "/payments", CREATE.replace("1000", "3000"), "claimed-1");

        assertThat(error(duplicate, 409)).containsEntry("code", "HE_00");
        assertThat((String) error(duplicate, 409).get("message")).contains("still being processed");
        assertThat(error(other, 422)).containsEntry("code", "IR_29");
        assertThat(ok(get(key, "/payments/list"))).containsEntry("size", 0);
    }

    @Test
    void anUnexpectedFailureIsKeptSoARetryDoesNotRunAgain() {
        String key = merchant("m_boom");

        Answer first = post(key, "/test-fixture/boom", "{}", "boom-1");
        Answer second = post(key, "/test-fixture/boom", "{}", "boom-1");

        assertThat(first.status()).isEqualTo(500);
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.response().header(HttpIdempotency.REPLAYED_HEADER)).isEqualTo("true");
    }
}
