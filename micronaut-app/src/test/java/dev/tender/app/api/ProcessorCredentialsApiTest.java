package dev.tender.app.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.vavr.collection.HashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor that refuses the account's credentials (a wrong secret key): as in Hyperswitch, the payment
 * ends {@code failed} in a 200 answer with {@code error_code} and {@code error_message}, not an HTTP error.
 * The processor refused before acting, so no money moved and nothing is left to reconcile.
 */
@MicronautTest(transactional = false)
class ProcessorCredentialsApiTest extends ApiTestSupport {

    private final WireMockServer processors = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @BeforeAll
    void fakes() {
        processors.start();
        processors.stubFor(WireMock.post("/v1/payment_intents").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"api_key_invalid\",\"doc_url\":\"https://stripe.com/docs/error-codes"
                        + "/api-key-invalid\",\"message\":\"Invalid API Key provided: sk_test_***rong\","
                        + "\"type\":\"invalid_request_error\"}}")));
        // a proxy in front of Stripe that refuses this key, in its own words
        processors.stubFor(WireMock.post("/v1/payment_intents").atPriority(1)
                .withHeader("Authorization", WireMock.containing("sk_test_behind_proxy"))
                .willReturn(aResponse().withStatus(403).withBody("<html>403 Forbidden</html>")));
        processors.stubFor(WireMock.post("/v71/payments").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":401,\"errorCode\":\"000\",\"message\":\"HTTP Status Response - Unauthorized\","
                        + "\"errorType\":\"security\"}")));
    }

    @AfterAll
    void stop() {
        processors.stop();
    }

    @Test
    void aStripeAccountWithAWrongKeyFailsThePaymentWithTheErrorInA200() {
        // given
        String key = stripeMerchant("sk_test_wrong");

        // when
        Answer answer = pay(key, 1000, "USD");

        // then
        Map<String, Object> payment = ok(answer);
        assertThat(payment).containsEntry("status", "failed").containsEntry("connector", "stripe")
                .containsEntry("amount_received", 0);
        assertThat(payment).containsEntry("error_code", "technical_error").containsEntry("error_message",
                "Stripe refused the call before processing it (HTTP 401, api_key_invalid)");
        assertThat(answer.body()).doesNotContain("sk_test_wrong");
        assertThat(ok(get(key, "/payments/" + payment.get("payment_id")))).containsEntry("status", "failed")
                .containsEntry("error_code", "technical_error");
    }

    @Test
    void aPaymentConfirmedLaterOnAStripeAccountWithAWrongKeyFailsAlikeInA200() {
        // given
        String key = stripeMerchant("sk_test_wrong");
        String id = (String) ok(post(key, "/payments", "{\"amount\":700,\"currency\":\"USD\"}")).get("payment_id");

        // when
        Answer answer = post(key, "/payments/" + id + "/confirm", "{" + card(VISA) + "}");

        // then
        assertThat(ok(answer)).containsEntry("status", "failed").containsEntry("error_code", "technical_error")
                .containsEntry("amount_received", 0);
    }

    @Test
    void aKeyRefusedByAProxyInFrontOfStripeFailsThePaymentToo() {
        // given
        String key = stripeMerchant("sk_test_behind_proxy");

        // when
        Answer answer = pay(key, 500, "USD");

        // then: not left processing for the reconciler, since nothing reached Stripe
        assertThat(ok(answer)).containsEntry("status", "failed").containsEntry("error_code", "technical_error")
                .containsEntry("error_message", "Stripe refused the call before processing it (HTTP 403)");
    }

    @Test
    void aMerchantWithASecondAccountIsRoutedToItAfterTheWrongKey() {
        // given
        String key = stripeMerchant("sk_test_wrong");
        String id = merchantIdOf(key);
        accounts.add(new ConnectorAccount("acc_sim_" + id, MerchantId.of(id), "simulator", "simulator", 2, true,
                Credentials.of(HashMap.empty()), HashMap.empty()));

        // when
        Map<String, Object> payment = ok(pay(key, 900, "USD"));

        // then
        assertThat(payment).containsEntry("status", "succeeded").containsEntry("connector", "simulator")
                .containsEntry("amount_received", 900);
    }

    @Test
    void anAdyenAccountWithAWrongKeyFailsThePaymentWithTheErrorInA200() {
        // given
        String key = merchantWith("adyen", Credentials.of(HashMap.of("api_key", "AQE_wrong", "hmac_key", "00")),
                HashMap.of("merchant_account", "TenderECOM", "base_url", processors.baseUrl() + "/v71"));

        // when
        Answer answer = pay(key, 1000, "EUR");

        // then
        Map<String, Object> payment = ok(answer);
        assertThat(payment).containsEntry("status", "failed").containsEntry("connector", "adyen");
        assertThat(payment).containsEntry("error_code", "technical_error").containsEntry("error_message",
                "Adyen refused the API key (HTTP 401): HTTP Status Response - Unauthorized [000]");
    }

    /** A payment created and confirmed with a card in one call. */
    private Answer pay(String key, long amount, String currency) {
        return post(key, "/payments", "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"confirm\":true,"
                + card(VISA) + "}");
    }

    /** A merchant whose only account is Stripe's (the fake), with this secret key; returns its API key. */
    private String stripeMerchant(String secretKey) {
        return merchantWith("stripe", Credentials.of(HashMap.of("api_key", secretKey)),
                HashMap.of("base_url", processors.baseUrl()));
    }

    /** A merchant whose only account is this processor's; returns its API key. */
    private String merchantWith(String connector, Credentials credentials, HashMap<String, String> settings) {
        String id = "m_creds_" + connector + "_" + UUID.randomUUID().toString().substring(0, 8);
        merchants.create(id, "Shop");
        String key = merchants.createApiKey(id, "key_" + id, "test");
        accounts.add(new ConnectorAccount("acc_" + id, MerchantId.of(id), connector, connector, 1, true,
                credentials, settings));
        return key;
    }
}
