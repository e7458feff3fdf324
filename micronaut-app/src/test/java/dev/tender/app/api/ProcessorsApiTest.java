package dev.tender.app.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.tender.application.Tender;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.vavr.collection.HashMap;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real processors behind the service, each faked by its documented wire format: a merchant with a
 * Stripe account first and an Adyen account second. Stripe cannot be reached, so the authorization falls
 * back to Adyen; Adyen acknowledges the capture only ("received"), and its signed notification, posted to
 * the webhook endpoint, settles it once.
 */
@MicronautTest(transactional = false)
class ProcessorsApiTest extends ApiTestSupport {

    private static final String HMAC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

    private final WireMockServer adyen = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Inject
    Tender tender;

    private String key;
    private String merchantId;

    @BeforeAll
    void processors() throws IOException {
        adyen.start();
        adyen.stubFor(WireMock.post("/v71/payments").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"pspReference\":\"PSP_AUTH\",\"resultCode\":\"Authorised\"}")));
        adyen.stubFor(WireMock.post("/v71/payments/PSP_AUTH/captures").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"merchantAccount\":\"TenderECOM\",\"paymentPspReference\":\"PSP_AUTH\","
                        + "\"pspReference\":\"PSP_CAP\",\"status\":\"received\"}")));
        merchantId = "m_processors_" + UUID.randomUUID().toString().substring(0, 8);
        merchants.create(merchantId, "Shop");
        key = merchants.createApiKey(merchantId, "key_" + merchantId, "test");
        accounts.add(new ConnectorAccount("acc_stripe_" + merchantId, MerchantId.of(merchantId), "stripe", "stripe", 1,
                true, Credentials.of(HashMap.of("api_key", "sk_test_x")),
                HashMap.of("base_url", "http://127.0.0.1:" + closedPort())));
        accounts.add(new ConnectorAccount("acc_adyen_" + merchantId, MerchantId.of(merchantId), "adyen", "adyen", 2,
                true, Credentials.of(HashMap.of("api_key", "AQE_test", "hmac_key", HMAC_KEY)),
                HashMap.of("merchant_account", "TenderECOM", "base_url", adyen.baseUrl() + "/v71")));
    }

    @AfterAll
    void stop() {
        adyen.stop();
    }

    @Test
    void anUnreachableStripeFallsBackToAdyenWhoseNotificationSettlesTheCapture() throws Exception {
        // when: Stripe refuses the connection, Adyen authorises
        Map<String, Object> authorized = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"EUR\","
                + "\"confirm\":true,\"capture_method\":\"manual\"," + card(VISA) + "}"));
        String id = (String) authorized.get("payment_id");

        // then
        assertThat(authorized).containsEntry("status", "requires_capture").containsEntry("connector", "adyen")
                .containsEntry("merchant_connector_id", "acc_adyen_" + merchantId)
                .containsEntry("connector_transaction_id", "PSP_AUTH");

        // when: the capture is only acknowledged
        Map<String, Object> capturing = ok(post(key, "/payments/" + id + "/capture", "{}"));
        assertThat(capturing).containsEntry("amount_received", 0);
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments/PSP_AUTH/captures")));

        // and: Adyen's signed CAPTURE notification arrives, then again
        String captureTx = tender.payments().get(MerchantId.of(merchantId), PaymentId.of(id)).get().transactions()
                .last().id().value();
        String notification = notification("CAPTURE", id + "/" + captureTx, "PSP_CAP", "PSP_AUTH");
        Answer first = deliver(notification);
        Answer replay = deliver(notification);

        // then: the capture is settled once
        assertThat(ok(first)).isEqualTo(Map.of("applied", 1, "unchanged", 0));
        assertThat(ok(replay)).isEqualTo(Map.of("applied", 0, "unchanged", 1));
        assertThat(ok(get(key, "/payments/" + id))).containsEntry("status", "succeeded")
                .containsEntry("amount_received", 1000);
        assertThat(error(deliver(notification.replace("\"value\":1000", "\"value\":1")), 401))
                .containsEntry("code", "WE_01");
    }

    private Answer deliver(String body) {
        return send(HttpRequest.POST("/webhooks/" + merchantId + "/acc_adyen_" + merchantId, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    /** A standard notification as Adyen sends it, signed as its documentation describes. */
    private static String notification(String eventCode, String reference, String psp, String original)
            throws Exception {
        String signing = String.join(":", psp, original, "TenderECOM", reference, "1000", "EUR", eventCode, "true");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(HMAC_KEY), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signing.getBytes(StandardCharsets.UTF_8)));
        return "{\"live\":\"false\",\"notificationItems\":[{\"NotificationRequestItem\":{\"additionalData\":"
                + "{\"hmacSignature\":\"" + signature + "\"},\"amount\":{\"currency\":\"EUR\",\"value\":1000},"
                + "\"eventCode\":\"" + eventCode + "\",\"eventDate\":\"2026-11-24T12:00:00+01:00\","
                + "\"merchantAccountCode\":\"TenderECOM\",\"merchantReference\":\"" + reference + "\","
                + "\"originalReference\":\"" + original + "\",\"pspReference\":\"" + psp + "\",\"reason\":\"\","
                + "\"success\":\"true\"}}]}";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
