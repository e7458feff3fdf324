package dev.tender.connector.adyen;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.HashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer is back from the 3DS redirect: POST /payments/details with what the redirect returned. */
class CompleteAuthorizeTest {

    @RegisterExtension
    static WireMockExtension adyen = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final AdyenConnector connector = new AdyenConnector();
    private CallContext completion;

    @BeforeEach
    void account() {
        ConnectorAccount account = AdyenFixtures.account(adyen.baseUrl());
        completion = new CallContext(account, "tx_1:mca_adyen_1:complete", AdyenFixtures.context(account).paymentId(),
                AdyenFixtures.context(account).transactionId());
    }

    private Outcome customerReturnsWith(String redirectResult) {
        return connector.completeAuthorize(new ConnectorRequest.CompleteAuthorize(completion, "KHQC5N7G84BLNK43",
                HashMap.of("redirectResult", redirectResult)));
    }

    @Test
    void theRedirectResultGoesBackToAdyenUnderTheCompletionsOwnKey() {
        adyen.stubFor(post("/v71/payments/details").willReturn(okJson("""
                {"pspReference":"KHQC5N7G84BLNK43","resultCode":"Authorised","merchantReference":"tx_1"}""")));

        Outcome outcome = customerReturnsWith("X6XtfGC3!Y...");

        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments/details"))
                .withHeader("X-API-Key", equalTo(AdyenFixtures.API_KEY))
                .withHeader("Idempotency-Key", equalTo("tx_1:mca_adyen_1:complete"))
                .withRequestBody(equalToJson("""
                        {"details":{"redirectResult":"X6XtfGC3!Y..."}}""")));
        assertThat(outcome).isEqualTo(Outcome.Approved.of("KHQC5N7G84BLNK43"));
    }

    @Test
    void aFailedChallengeIsAuthenticationFailed() {
        adyen.stubFor(post("/v71/payments/details").willReturn(okJson("""
                {"pspReference":"KHQC5N7G84BLNK43","resultCode":"Refused","refusalReason":"3D Not Authenticated",
                 "refusalReasonCode":"11","merchantReference":"tx_1"}""")));

        Outcome outcome = customerReturnsWith("failed-challenge");

        assertThat(outcome).isEqualTo(new Outcome.Declined(DeclineCodes.AUTHENTICATION_FAILED,
                "3D Not Authenticated [11]"));
    }
}
