package dev.tender.connector.adyen;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tender.connector.kit.ConnectorHttp;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tender.connector.adyen.AdyenFixtures.TEN_EUR;
import static dev.tender.connector.adyen.AdyenFixtures.authorize;
import static dev.tender.connector.adyen.AdyenFixtures.card;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adyen's error object and transport failures: 4xx validation declines as invalid_request, 401/403
 * as technical_error; 5xx, timeouts, dropped connections and unreadable bodies are Unknown.
 */
class ErrorsTest {

    @RegisterExtension
    static WireMockExtension adyen = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final AdyenConnector connector = new AdyenConnector(
            ConnectorHttp.create(Duration.ofSeconds(5), Duration.ofMillis(500)));
    private ConnectorAccount account;

    @BeforeEach
    void account() {
        account = AdyenFixtures.account(adyen.baseUrl());
    }

    private Outcome authorizeAgainst(int status, String body) {
        adyen.stubFor(post("/v71/payments").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
        return connector.authorize(authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));
    }

    @Test
    void aValidationErrorIsAnInvalidRequestWithAdyensCodeAndMessage() {
        Outcome outcome = authorizeAgainst(422, """
                {"status":422,"errorCode":"101","message":"Invalid card number","errorType":"validation",
                 "pspReference":"T7QXW6XXBR9VR9P4"}""");

        assertThat(outcome).isEqualTo(new Outcome.Declined(DeclineCodes.INVALID_REQUEST,
                "Adyen rejected the request (HTTP 422): Invalid card number [101]"));
    }

    @Test
    void aMalformedRequestIsAnInvalidRequest() {
        Outcome outcome = authorizeAgainst(400, """
                {"status":400,"errorCode":"702","message":"Structure of PaymentRequest contains the following unknown fields: [foo]","errorType":"validation"}""");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.INVALID_REQUEST));
    }

    @Test
    void aModificationOfAPaymentAdyenDoesNotKnowIsAnInvalidRequest() {
        adyen.stubFor(post("/v71/payments/NOSUCHPAYMENT000/refunds").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status":422,"errorCode":"167","message":"Original pspReference required for this operation","errorType":"validation"}""")));

        Outcome outcome = connector.refund(new ConnectorRequest.Refund(AdyenFixtures.context(account),
                "NOSUCHPAYMENT000", TEN_EUR, io.vavr.control.Option.none()));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.INVALID_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void aRefusedApiKeyIsATechnicalErrorSoAnotherConnectorMayBeTried(int status) {
        Outcome outcome = authorizeAgainst(status, """
                {"status":%d,"errorCode":"000","message":"HTTP Status Response - Unauthorized","errorType":"security"}"""
                .formatted(status));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR));
    }

    @Test
    void aRefusedApiKeyWithoutABodyIsStillATechnicalError() {
        Outcome outcome = authorizeAgainst(401, "");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR));
    }

    @Test
    void theSameKeyStillInFlightIsUnknownBecauseTheFirstRequestMayAct() {
        Outcome outcome = authorizeAgainst(409, """
                {"status":409,"errorCode":"704","message":"request already processed or in progress","errorType":"validation"}""");

        assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void aServerErrorIsUnknown(int status) {
        Outcome outcome = authorizeAgainst(status, """
                {"status":%d,"errorCode":"905","message":"Payment details are not supported","errorType":"configuration"}"""
                .formatted(status));

        assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
    }

    @Test
    void anUnreadableSuccessIsUnknown() {
        Outcome outcome = authorizeAgainst(200, "<html>gateway</html>");

        assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
    }

    @Test
    void aSuccessWithoutAResultCodeIsUnknown() {
        Outcome outcome = authorizeAgainst(200, "{\"pspReference\":\"QFQTPCQ8HXSKGK82\"}");

        assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
    }

    @Test
    void noAnswerWithinTheReadTimeoutIsUnknown() {
        adyen.stubFor(post("/v71/payments").willReturn(okJson("""
                {"pspReference":"QFQTPCQ8HXSKGK82","resultCode":"Authorised"}""").withFixedDelay(2_000)));

        Outcome outcome = connector.authorize(
                authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

        assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
    }

    @Test
    void aDroppedConnectionIsUnknown() {
        adyen.stubFor(post("/v71/payments").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Outcome outcome = connector.authorize(
                authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

        assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
    }

    @Test
    void anAccountWithoutAnApiKeyIsATechnicalErrorAndNothingIsSent() {
        ConnectorAccount withoutKey = new ConnectorAccount(account.id(), account.merchantId(), "adyen", "Adyen", 1,
                true, dev.tender.ports.out.Credentials.of(io.vavr.collection.HashMap.empty()), account.settings());

        Outcome outcome = connector.authorize(
                authorize(withoutKey, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR));
        assertThat(adyen.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsATechnicalError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectorAccount nowhere = AdyenFixtures.account("http://localhost:" + closedPort);

        Outcome outcome = connector.authorize(
                authorize(nowhere, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR));
    }
}
