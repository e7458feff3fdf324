package dev.tender.connector.adyen;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tender.connector.kit.ConnectorConformanceTest;
import dev.tender.connector.kit.MoneyMoved;
import dev.tender.connector.kit.Settlement;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The conformance kit against a stateful fake Adyen over HTTP, every test of it. Adyen acknowledges
 * modifications and cannot be asked in a sync, so the kit settles them by notification: the fake decides
 * each call as Adyen would and signs its notification, which the connector's {@code WebhookSource} reads.
 */
class AdyenConformanceTest extends ConnectorConformanceTest {

    private static final FakeAdyen FAKE = new FakeAdyen(AdyenFixtures.API_KEY, AdyenFixtures.HMAC_KEY);
    private static final Instant RECEIVED = Instant.parse("2026-11-24T11:00:05Z");

    @RegisterExtension
    static WireMockExtension adyen = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE)).build();

    private final AdyenConnector connector = new AdyenConnector();

    @BeforeAll
    static void everyCallGoesToTheFake() {
        adyen.stubFor(any(anyUrl()).willReturn(aResponse()));
        FAKE.baseUrl(adyen.baseUrl());
    }

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected ConnectorAccount account() {
        return AdyenFixtures.account(adyen.baseUrl());
    }

    /** Adyen posts its notification about a call under the reference the connector sent with it. */
    @Override
    protected Settlement settlement() {
        return Settlement.byNotification(call -> FAKE.notificationAbout(AdyenReference.of(call)).map(body ->
                new WebhookSource.Delivery(HashMap.of("content-type", "application/json"),
                        body.getBytes(StandardCharsets.UTF_8), RECEIVED)));
    }

    @Override
    protected Option<MoneyMoved> moneyMoved(String connectorTransactionId) {
        return FAKE.moneyMoved(connectorTransactionId);
    }

    @Override
    protected PaymentMethodData approvingMethod() {
        return AdyenFixtures.card(AdyenFixtures.VISA);
    }

    @Override
    protected PaymentMethodData decliningMethod() {
        return AdyenFixtures.card(FakeAdyen.REFUSED);
    }

    @Override
    protected Option<PaymentMethodData> challengeMethod() {
        return Option.some(AdyenFixtures.card(FakeAdyen.CHALLENGED));
    }

    @Override
    protected ConnectorRequest.CompleteAuthorize customerReturnsFromChallenge(CallContext context,
                                                                              Outcome.RequiresAction challenge,
                                                                              boolean authenticated) {
        String url = challenge.redirect().url();
        String psp = url.substring(url.indexOf("psp=") + 4);
        return new ConnectorRequest.CompleteAuthorize(context, psp,
                HashMap.of("redirectResult", (authenticated ? "pass:" : "fail:") + psp));
    }
}
