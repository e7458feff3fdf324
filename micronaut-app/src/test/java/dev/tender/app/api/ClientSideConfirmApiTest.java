package dev.tender.app.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirming from the customer's browser or app, as Hyperswitch's SDKs do: the merchant's publishable key
 * plus the payment's client_secret. That pair opens one payment's confirm, retrieve and complete_authorize,
 * nothing else, and cannot change what is charged.
 */
@MicronautTest(transactional = false)
class ClientSideConfirmApiTest extends ApiTestSupport {

    private static final String THREE_DS = "4000000000003063";

    private String key;
    private String publishable;

    @BeforeAll
    void merchantWithBothKeys() {
        key = merchant("m_client");
        publishable = merchants.find(merchantIdOf(key)).orElseThrow().publishableKey();
    }

    @Test
    void theBrowserConfirmsWithThePublishableKeyAndTheClientSecret() {
        // given: the merchant's server created the payment and handed its client_secret to the browser
        Map<String, Object> created = ok(post(key, "/payments", "{\"amount\":1800,\"currency\":\"USD\","
                + "\"capture_method\":\"automatic\"}"));
        String id = (String) created.get("payment_id");
        String secret = (String) created.get("client_secret");

        // when
        Map<String, Object> confirmed = ok(post(publishable, "/payments/" + id + "/confirm", "{" + card(VISA)
                + ",\"client_secret\":\"" + secret + "\"}"));
        Map<String, Object> read = ok(get(publishable, "/payments/" + id + "?client_secret=" + secret));

        // then
        assertThat(confirmed).containsEntry("status", "succeeded").containsEntry("amount_received", 1800);
        assertThat(read).isEqualTo(ok(get(key, "/payments/" + id)));
    }

    @Test
    void aThreeDsChallengeIsCompletedFromTheBrowserToo() {
        Map<String, Object> created = ok(post(key, "/payments", "{\"amount\":900,\"currency\":\"USD\"}"));
        String id = (String) created.get("payment_id");
        String secret = (String) created.get("client_secret");

        Map<String, Object> challenged = ok(post(publishable, "/payments/" + id + "/confirm", "{" + card(THREE_DS)
                + ",\"client_secret\":\"" + secret + "\"}"));
        Map<String, Object> completed = ok(post(publishable, "/payments/" + id + "/complete_authorize",
                "{\"client_secret\":\"" + secret + "\",\"redirect_response\":{\"param\":\"result=success\"}}"));

        assertThat(challenged).containsEntry("status", "requires_customer_action");
        assertThat(completed).containsEntry("status", "succeeded");
    }

    @Test
    void withoutTheRightClientSecretNothingIsOpened() {
        String id = (String) ok(post(key, "/payments", "{\"amount\":700,\"currency\":\"USD\"}")).get("payment_id");
        Map<String, Object> before = ok(get(key, "/payments/" + id));

        Map<String, Object> missing = error(post(publishable, "/payments/" + id + "/confirm", "{" + card(VISA) + "}"),
                400);
        Map<String, Object> wrong = error(post(publishable, "/payments/" + id + "/confirm", "{" + card(VISA)
                + ",\"client_secret\":\"" + id + "_secret_000000000000000000000000\"}"), 400);
        Map<String, Object> readWithout = error(get(publishable, "/payments/" + id), 400);

        assertThat(missing).containsEntry("code", "IR_04");
        assertThat((String) missing.get("message")).contains("client_secret");
        assertThat(wrong).containsEntry("code", "IR_09");
        assertThat(readWithout).containsEntry("code", "IR_04");
        assertThat(ok(get(key, "/payments/" + id))).isEqualTo(before);
    }

    @Test
    void aClientSecretPastTheSessionNoLongerConfirmsButTheServerStillCan() {
        Map<String, Object> created = ok(post(key, "/payments", "{\"amount\":400,\"currency\":\"USD\","
                + "\"session_expiry\":0}"));
        String id = (String) created.get("payment_id");

        Map<String, Object> expired = error(post(publishable, "/payments/" + id + "/confirm", "{" + card(VISA)
                + ",\"client_secret\":\"" + created.get("client_secret") + "\"}"), 400);

        assertThat(expired).containsEntry("code", "IR_09");
        assertThat((String) expired.get("message")).startsWith("The client_secret has expired");
        assertThat(created.get("expires_on")).isEqualTo(created.get("created"));
        assertThat(ok(post(key, "/payments/" + id + "/confirm", "{" + card(VISA) + "}")))
                .containsEntry("status", "succeeded");
    }

    @Test
    void theBrowserCannotChangeWhatIsCharged() {
        Map<String, Object> created = ok(post(key, "/payments", "{\"amount\":5000,\"currency\":\"USD\"}"));
        String id = (String) created.get("payment_id");

        Map<String, Object> refused = error(post(publishable, "/payments/" + id + "/confirm", "{" + card(VISA)
                + ",\"client_secret\":\"" + created.get("client_secret") + "\",\"amount\":1,"
                + "\"capture_method\":\"manual\",\"session_expiry\":7000000}"), 400);

        assertThat((String) refused.get("message")).contains("amount: can be changed with the secret API key only")
                .contains("capture_method: can be changed with the secret API key only")
                .contains("session_expiry: can be changed with the secret API key only");
        assertThat(ok(get(key, "/payments/" + id))).containsEntry("amount", 5000)
                .containsEntry("status", "requires_payment_method");
    }

    @Test
    void thePublishableKeyOpensNoOtherRoute() {
        Map<String, Object> paid = confirmedPayment(key, 1000, "manual");
        String id = (String) paid.get("payment_id");
        String secret = (String) paid.get("client_secret");

        List<Answer> answers = List.of(
                post(publishable, "/payments", "{\"amount\":1,\"currency\":\"USD\"}"),
                post(publishable, "/payments/" + id, "{\"client_secret\":\"" + secret + "\",\"description\":\"x\"}"),
                post(publishable, "/payments/" + id + "/capture", "{\"client_secret\":\"" + secret + "\"}"),
                post(publishable, "/payments/" + id + "/cancel", "{}"),
                get(publishable, "/payments/list"),
                post(publishable, "/refunds", "{\"payment_id\":\"" + id + "\"}"),
                post(publishable, "/refunds/list", "{}"),
                post(publishable, "/accounts", "{\"merchant_id\":\"m_by_client\"}"),
                get("pk_snd_unknown", "/payments/" + id + "?client_secret=" + secret));

        assertThat(answers).allSatisfy(answer ->
                assertThat(error(answer, 401)).containsEntry("code", "IR_01"));
        assertThat(ok(get(key, "/payments/" + id))).containsEntry("status", "requires_capture");
    }

    @Test
    void anotherMerchantsPublishableKeyDoesNotFindThePayment() {
        String other = merchants.find(merchantIdOf(merchant("m_client_other"))).orElseThrow().publishableKey();
        Map<String, Object> created = ok(post(key, "/payments", "{\"amount\":700,\"currency\":\"USD\"}"));
        String id = (String) created.get("payment_id");

        Answer answer = post(other, "/payments/" + id + "/confirm", "{" + card(VISA) + ",\"client_secret\":\""
                + created.get("client_secret") + "\"}");

        assertThat(error(answer, 404)).containsEntry("code", "HE_02");
    }
}
