package dev.tender.connector.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tender.connector.kit.FormEncoding;
import io.vavr.collection.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** A WireMock server per test, standing in for api.stripe.com, and what the connector sent to it. */
abstract class FakeStripeServer {

    protected WireMockServer stripe;

    @BeforeEach
    void startStripe() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
    }

    @AfterEach
    void stopStripe() {
        stripe.stop();
    }

    protected String baseUrl() {
        return "http://localhost:" + stripe.port();
    }

    /** The one request matching the pattern. */
    protected LoggedRequest sent(RequestPatternBuilder pattern) {
        List<LoggedRequest> requests = stripe.findAll(pattern);
        assertThat(requests).as("requests matching %s", pattern.build()).hasSize(1);
        return requests.get(0);
    }

    protected static Map<String, String> form(LoggedRequest request) {
        return FormEncoding.decode(request.getBodyAsString());
    }
}
