package dev.tender.connector.adyen;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tender.connector.kit.ConnectorConformanceTest;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The conformance kit against a stateful fake Adyen over HTTP. The kit's tests that need a
 * modification approved at once, or a sync that looks a call up, cannot pass at Adyen and are
 * reported skipped with the reason ({@link AsynchronousAtAdyen}); every other test runs.
 */
@ExtendWith(AsynchronousAtAdyen.class)
class AdyenConformanceTest extends ConnectorConformanceTest {

    private static final FakeAdyen FAKE = new FakeAdyen(AdyenFixtures.API_KEY);

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
