package dev.tender.app.api;

import dev.tender.application.Tender;
import dev.tender.connector.simulator.SimulatorWebhooks;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's notifications over HTTP, with the simulator's signed deliveries: a verified one moves the
 * payment as a sync would, once; a forged, stale or misdirected one is refused and moves nothing.
 */
@MicronautTest(transactional = false)
class WebhooksApiTest extends ApiTestSupport {

    private static final String SECRET = "whsec_simulator_test";
    private static final String ASYNC_PENDING = "4000000000000200";

    @Inject
    Tender tender;

    private String key;
    private String merchantId;
    private String accountId;

    @BeforeEach
    void merchantWithASigningAccount() {
        merchantId = "m_hook_" + UUID.randomUUID().toString().substring(0, 8);
        merchants.create(merchantId, "Shop");
        key = merchants.createApiKey(merchantId, "key_" + merchantId, "test");
        accountId = "acc_" + merchantId;
        accounts.add(new ConnectorAccount(accountId, MerchantId.of(merchantId), "simulator", "default", 0, true,
                Credentials.of(io.vavr.collection.HashMap.of(SimulatorWebhooks.SECRET, SECRET)),
                io.vavr.collection.HashMap.empty()));
    }

    @Test
    void aVerifiedNotificationMovesThePaymentOnceAndAReplayChangesNothing() {
        // given: an authorization the processor answered pending
        String id = pendingPayment();
        String body = event(id, "approved");

        // when
        Answer first = deliver(accountId, body, SimulatorWebhooks.header(SECRET, Instant.now(), bytes(body)));
        Map<String, Object> after = ok(get(key, "/payments/" + id));
        Answer replay = deliver(accountId, body, SimulatorWebhooks.header(SECRET, Instant.now(), bytes(body)));

        // then
        assertThat(ok(first)).isEqualTo(Map.of("applied", 1, "unchanged", 0));
        assertThat(after).containsEntry("status", "requires_capture").containsEntry("amount_capturable", 700);
        assertThat(ok(replay)).isEqualTo(Map.of("applied", 0, "unchanged", 1));
        assertThat(ok(get(key, "/payments/" + id))).isEqualTo(after);
    }

    @Test
    void aForgedStaleOrUnsignedNotificationIsRefusedAndMovesNothing() {
        String id = pendingPayment();
        Map<String, Object> before = ok(get(key, "/payments/" + id));
        String body = event(id, "approved");

        Answer forged = deliver(accountId, body, SimulatorWebhooks.header("another_secret", Instant.now(), bytes(body)));
        Answer tampered = deliver(accountId, body.replace("approved", "declined"),
                SimulatorWebhooks.header(SECRET, Instant.now(), bytes(body)));
        Answer stale = deliver(accountId, body,
                SimulatorWebhooks.header(SECRET, Instant.now().minusSeconds(600), bytes(body)));
        Answer unsigned = deliver(accountId, body, null);

        for (Answer answer : new Answer[]{forged, tampered, stale, unsigned}) {
            assertThat(error(answer, 401)).containsEntry("code", "WE_01");
            assertThat(answer.body()).doesNotContain(id);
        }
        assertThat(ok(get(key, "/payments/" + id))).isEqualTo(before);
    }

    @Test
    void aNotificationOnlyReachesPaymentsItsAccountTookAndUnknownAccountsAreNotFound() {
        // given: a payment of another merchant, and this merchant's own signed delivery naming it
        String otherKey = merchant("m_hook_other");
        String others = (String) ok(post(otherKey, "/payments", "{\"amount\":500,\"currency\":\"USD\",\"confirm\":true,"
                + card(ASYNC_PENDING) + "}")).get("payment_id");
        String body = event(others, "approved", transactionOf(merchantIdOf(otherKey), others));

        Answer misdirected = deliver(accountId, body, SimulatorWebhooks.header(SECRET, Instant.now(), bytes(body)));
        Answer unknown = deliver("acc_nowhere", body, SimulatorWebhooks.header(SECRET, Instant.now(), bytes(body)));

        assertThat(ok(misdirected)).isEqualTo(Map.of("applied", 0, "unchanged", 1));
        assertThat(ok(get(otherKey, "/payments/" + others))).containsEntry("status", "processing");
        assertThat(error(unknown, 404)).containsEntry("code", "HE_02");
    }

    private String pendingPayment() {
        Map<String, Object> pending = ok(post(key, "/payments", "{\"amount\":700,\"currency\":\"USD\",\"confirm\":true,"
                + "\"capture_method\":\"manual\"," + card(ASYNC_PENDING) + "}"));
        assertThat(pending).containsEntry("status", "processing");
        return (String) pending.get("payment_id");
    }

    private String event(String paymentId, String outcome) {
        return event(paymentId, outcome, transactionOf(merchantId, paymentId));
    }

    private static String event(String paymentId, String outcome, String transactionId) {
        return "id=evt_" + UUID.randomUUID().toString().substring(0, 8) + "&payment_id=" + paymentId
                + "&transaction_id=" + transactionId + "&outcome=" + outcome + "&reference=psp_hook";
    }

    /** Tender's id of the payment's authorization: what Tender sent the processor with it. */
    private String transactionOf(String merchant, String paymentId) {
        return tender.payments().get(MerchantId.of(merchant), PaymentId.of(paymentId)).get().transactions()
                .last().id().value();
    }

    private Answer deliver(String account, String body, String signature) {
        var request = HttpRequest.POST("/webhooks/" + merchantId + "/" + account, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (signature != null) {
            request.header(SimulatorWebhooks.HEADER, signature);
        }
        return send(request);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
