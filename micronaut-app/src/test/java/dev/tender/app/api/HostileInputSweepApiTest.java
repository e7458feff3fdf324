package dev.tender.app.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path id, query parameter and stored text field of the payments, refunds, mandates, admin and webhooks
 * endpoints, tried with a NUL, a lone surrogate, 4,000 characters and deep nesting: each is a 4xx in
 * Hyperswitch's error shape, never a 5xx, and nothing is half written: no payment, refund, merchant, API key or
 * connector account appears, and no processor is called.
 */
@MicronautTest(transactional = false)
class HostileInputSweepApiTest extends ApiTestSupport {

    /** Hostile values in a JSON body, by name: each replaces {@code @V} in a body. */
    private static final Map<String, String> BODY_VALUES = Map.of(
            "NUL", "\"a\\u0000b\"",
            "lone surrogate", "\"a\\ud800b\"",
            "4,000 characters", "\"" + "x".repeat(4000) + "\"",
            "40 levels", HostileInputApiTest.nested(40));
    /** Hostile values of a path segment or query parameter, percent-encoded as a client sends them. */
    private static final Map<String, String> URL_VALUES = Map.of(
            "%00", "%00",
            "NUL inside", "a%00b",
            "lone surrogate (CESU-8)", "%ED%A0%80",
            "invalid UTF-8", "%C3%28",
            "4,000 characters", "x".repeat(4000));

    @Inject
    MeterRegistry registry;

    private String key;
    private String merchantId;
    private String captured;
    private String authorized;
    private String unconfirmed;
    private String refundId;

    @BeforeAll
    void aMerchantWithPaymentsInEveryState() {
        key = merchant("m_sweep");
        merchantId = merchantIdOf(key);
        captured = (String) confirmedPayment(key, 5000, "automatic").get("payment_id");
        authorized = (String) confirmedPayment(key, 5000, "manual").get("payment_id");
        unconfirmed = (String) ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\"}")).get("payment_id");
        refundId = (String) ok(post(key, "/refunds", "{\"payment_id\":\"" + captured + "\",\"amount\":100}"))
                .get("refund_id");
    }

    /** A body with {@code @V} where the hostile value goes, and the field the refusal must name. */
    record BodyCase(String method, String path, String body, String field) {
        @Override
        public String toString() {
            return method + " " + path + " " + field;
        }
    }

    static Stream<BodyCase> bodyCases() {
        String card = card(VISA);
        String purchase = "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true," + card + ",";
        List<BodyCase> cases = new ArrayList<>();
        for (String field : List.of("description", "statement_descriptor_name", "statement_descriptor_suffix",
                "merchant_order_reference_id", "customer_id", "return_url", "payment_id")) {
            cases.add(new BodyCase("POST", "/payments", purchase + "\"" + field + "\":@V}", field));
        }
        cases.add(new BodyCase("POST", "/payments", purchase + "\"metadata\":{\"k\":@V}}", "metadata"));
        cases.add(new BodyCase("POST", "/payments", purchase + "\"billing\":{\"address\":{\"line1\":@V}}}",
                "billing"));
        cases.add(new BodyCase("POST", "/payments", purchase + "\"shipping\":{\"address\":{\"city\":@V}}}",
                "shipping"));
        cases.add(new BodyCase("POST", "/payments", purchase + "\"order_details\":[{\"product_name\":@V}]}",
                "order_details"));
        cases.add(new BodyCase("POST", "/payments", purchase + "\"customer\":{\"id\":@V}}", "customer"));
        cases.add(new BodyCase("POST", "/payments", purchase + "\"payment_method_data\":{\"card\":"
                + "{\"card_holder_name\":@V}}}", "payment_method_data"));
        cases.add(new BodyCase("POST", "/payments/{unconfirmed}", "{\"description\":@V}", "description"));
        cases.add(new BodyCase("POST", "/payments/{unconfirmed}/confirm", "{\"description\":@V," + card + "}",
                "description"));
        cases.add(new BodyCase("POST", "/payments/{unconfirmed}/update_metadata", "{\"metadata\":{\"k\":@V}}",
                "metadata"));
        cases.add(new BodyCase("POST", "/payments/{authorized}/cancel", "{\"cancellation_reason\":@V}",
                "cancellation_reason"));
        cases.add(new BodyCase("POST", "/payments/{captured}/cancel_post_capture", "{\"cancellation_reason\":@V}",
                "cancellation_reason"));
        cases.add(new BodyCase("POST", "/payments/{authorized}/incremental_authorization",
                "{\"amount\":6000,\"reason\":@V}", "reason"));
        cases.add(new BodyCase("POST", "/refunds", "{\"payment_id\":\"{captured}\",\"amount\":100,\"reason\":@V}",
                "reason"));
        cases.add(new BodyCase("POST", "/refunds", "{\"payment_id\":\"{captured}\",\"amount\":100,"
                + "\"metadata\":{\"k\":@V}}", "metadata"));
        cases.add(new BodyCase("POST", "/refunds", "{\"payment_id\":@V,\"amount\":100}", "payment_id"));
        cases.add(new BodyCase("POST", "/refunds/list", "{\"payment_id\":@V}", "payment_id"));
        cases.add(new BodyCase("POST", "/mandates/revoke/man_unknown", "{\"reason\":@V}", "reason"));
        cases.add(new BodyCase("POST", "/accounts", "{\"merchant_id\":\"m_sweep_new\",\"merchant_name\":@V}",
                "merchant_name"));
        cases.add(new BodyCase("POST", "/accounts", "{\"merchant_id\":@V}", "merchant_id"));
        cases.add(new BodyCase("POST", "/accounts", "{\"merchant_id\":\"m_sweep_new\",\"metadata\":{\"k\":@V}}",
                "metadata"));
        cases.add(new BodyCase("POST", "/accounts/{merchant}", "{\"merchant_id\":\"{merchant}\","
                + "\"merchant_name\":@V}", "merchant_name"));
        cases.add(new BodyCase("POST", "/api_keys/{merchant}", "{\"name\":@V}", "name"));
        cases.add(new BodyCase("POST", "/api_keys/{merchant}", "{\"name\":\"k\",\"description\":@V}", "description"));
        cases.add(new BodyCase("POST", "/account/{merchant}/connectors", "{\"connector_type\":\"payment_processor\","
                + "\"connector_name\":\"simulator\",\"connector_label\":@V}", "connector_label"));
        cases.add(new BodyCase("POST", "/account/{merchant}/connectors", "{\"connector_type\":\"payment_processor\","
                + "\"connector_name\":\"simulator\",\"metadata\":{\"k\":@V}}", "metadata"));
        return cases.stream();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> bodies() {
        return bodyCases().flatMap(c -> BODY_VALUES.keySet().stream()
                .map(value -> org.junit.jupiter.params.provider.Arguments.of(c, value)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("bodies")
    void aHostileValueInABodyIsRefusedNamingItsFieldAndNothingIsWritten(BodyCase bodyCase, String value) {
        // given
        State before = state();
        String body = ids(bodyCase.body()).replace("@V", BODY_VALUES.get(value));

        // when
        Answer answer = send(authenticated(HttpRequest.create(HttpMethod.valueOf(bodyCase.method()),
                ids(bodyCase.path())).body(body).contentType(MediaType.APPLICATION_JSON_TYPE), bodyCase.path()));

        // then
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat((String) error(answer, answer.status()).get("message")).as(answer.body())
                .contains(bodyCase.field());
        assertThat(state()).isEqualTo(before);
    }

    static Stream<String> paths() {
        return Stream.of("GET /payments/{}", "POST /payments/{}", "POST /payments/{}/confirm",
                "POST /payments/{}/capture", "POST /payments/{}/cancel", "POST /payments/{}/cancel_post_capture",
                "POST /payments/{}/incremental_authorization", "POST /payments/{}/complete_authorize",
                "POST /payments/{}/update_metadata", "GET /refunds/{}", "GET /mandates/{}",
                "POST /mandates/revoke/{}", "GET /customers/{}/mandates", "GET /accounts/{}", "POST /accounts/{}",
                "DELETE /accounts/{}", "POST /api_keys/{}", "GET /api_keys/{}/list", "GET /api_keys/{merchant}/{}",
                "POST /api_keys/{merchant}/{}", "DELETE /api_keys/{merchant}/{}", "GET /account/{}/connectors",
                "POST /account/{}/connectors", "GET /account/{merchant}/connectors/{}",
                "POST /account/{merchant}/connectors/{}", "DELETE /account/{merchant}/connectors/{}",
                "POST /webhooks/{}/acc_x", "POST /webhooks/{merchant}/{}",
                "GET /payments/{}/{merchant}/redirect/response/simulator",
                "GET /payments/{captured}/{merchant}/redirect/response/{}");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> pathIds() {
        return paths().flatMap(p -> URL_VALUES.keySet().stream()
                .map(value -> org.junit.jupiter.params.provider.Arguments.of(p, value)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("pathIds")
    void aHostileIdInThePathIsRefusedBeforeAnyQuery(String route, String value) {
        // given
        State before = state();
        String[] methodAndPath = route.split(" ");
        String path = ids(methodAndPath[1]).replace("{}", URL_VALUES.get(value));

        // when
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(methodAndPath[0]), path);
        if (!methodAndPath[0].equals("GET") && !methodAndPath[0].equals("DELETE")) {
            request.body("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        Answer answer = send(authenticated(request, methodAndPath[1]));

        // then
        assertThat(answer.status()).as(answer.body()).isIn(400, 404);
        error(answer, answer.status());
        assertThat(state()).isEqualTo(before);
    }

    static Stream<String> queries() {
        return Stream.of("/payments/list?limit=", "/payments/list?created=", "/payments/list?created_gte=",
                "/payments/list?created.lt=", "/payments/list?starting_after=", "/payments/list?ending_before=",
                "/payments/list?customer_id=", "/payments/{captured}?client_secret=",
                "/payments/{captured}?force_sync=", "/refunds/{refund}?force_sync=", "/accounts/list?organization_id=",
                "/api_keys/{merchant}/list?limit=", "/api_keys/{merchant}/list?skip=",
                "/payments/{captured}/{merchant}/redirect/response/simulator?param=", "/payments/list?x");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> queryValues() {
        return queries().flatMap(q -> URL_VALUES.keySet().stream()
                .map(value -> org.junit.jupiter.params.provider.Arguments.of(q, value)));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("queryValues")
    void aHostileQueryParameterIsRefusedBeforeAnyQuery(String query, String value) {
        // given: the last case puts the value in a parameter's name
        State before = state();
        String url = ids(query) + URL_VALUES.get(value);

        // when
        Answer answer = send(authenticated(HttpRequest.GET(url), query));

        // then
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        error(answer, answer.status());
        assertThat(state()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void aValidQueryParameterNameOfAnUnknownParameterStillWorks() {
        // the sweep above must not refuse what it does not aim at
        assertThat(ok(get(key, "/payments/list?limit=2"))).containsEntry("size", 2);
    }

    private String ids(String template) {
        return template.replace("{merchant}", merchantId).replace("{captured}", captured)
                .replace("{authorized}", authorized).replace("{unconfirmed}", unconfirmed)
                .replace("{refund}", refundId);
    }

    /** The admin key for the admin resources, none for webhooks and returns, else the merchant's. */
    private MutableHttpRequest<?> authenticated(MutableHttpRequest<?> request, String template) {
        if (template.startsWith("/accounts") || template.startsWith("/api_keys") || template.startsWith("/account/")) {
            return request.header("api-key", ADMIN_KEY);
        }
        if (template.startsWith("/webhooks") || template.contains("/redirect/")) {
            return request;
        }
        return request.header("api-key", key);
    }

    /** What a half-done request would have changed. */
    record State(String payments, String refunds, String merchants, String apiKeys, String connectorAccounts,
                 long processorCalls) {
    }

    private State state() {
        return new State(get(key, "/payments/list?limit=100").body(),
                post(key, "/refunds/list", "{\"limit\":100}").body(),
                get(ADMIN_KEY, "/accounts/list").body(),
                get(ADMIN_KEY, "/api_keys/" + merchantId + "/list").body(),
                get(ADMIN_KEY, "/account/" + merchantId + "/connectors").body(),
                registry.find("tender.connector.calls").timers().stream().mapToLong(Timer::count).sum());
    }
}
