package dev.tender.app.api;

import dev.tender.app.http.JsonBody;
import dev.tender.app.http.Text;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reproductions of issue 12's hostile input (finding 4): text no column can hold is refused with
 * {@code IR_06} naming its field before anything runs, so no processor is called, nothing is stored, and an
 * {@code Idempotency-Key} is left free for the corrected request.
 */
@MicronautTest(transactional = false)
class HostileInputApiTest extends ApiTestSupport {

    @Inject
    MeterRegistry registry;

    private String key;

    @BeforeEach
    void merchant() {
        key = merchant("m_hostile");
    }

    @Test
    void aNulInTheDescriptionIsRefusedBeforeTheChargeAndItsKeyStaysFree() {
        // given
        long callsBefore = processorCalls();
        String idempotencyKey = "idem_" + UUID.randomUUID();

        // when
        Answer refused = post(key, "/payments", purchase("\"description\":\"a\\u0000b\""), idempotencyKey);
        Answer retried = post(key, "/payments", purchase("\"description\":\"ab\""), idempotencyKey);

        // then: nothing was charged for the refused request; the same key then serves the corrected one
        assertThat(error(refused, 400)).containsEntry("code", "IR_06")
                .containsEntry("message", "description: " + Text.NUL);
        assertThat(ok(retried)).containsEntry("status", "succeeded").containsEntry("description", "ab");
        assertThat(processorCalls()).isEqualTo(callsBefore + 1);
        assertThat(payments()).hasSize(1);
    }

    @Test
    void aLoneSurrogateInAKeptFieldIsRefusedNamingTheField() {
        // when
        Answer refused = post(key, "/payments", purchase("\"statement_descriptor_name\":\"x\\ud800\""));

        // then
        assertThat(error(refused, 400)).containsEntry("code", "IR_06")
                .containsEntry("message", "statement_descriptor_name: " + Text.SURROGATE);
        assertThat(payments()).isEmpty();
    }

    @Test
    void aSurrogatePairIsTextLikeAnyOther() {
        // when: an emoji, escaped as JSON escapes it
        Map<String, Object> payment = ok(post(key, "/payments", purchase("\"description\":\"cake \\ud83c\\udf70\"")));

        // then
        assertThat(payment).containsEntry("description", "cake \uD83C\uDF70");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedInsteadOfKeptAsReplacementCharacters() {
        // given: "caf\xE9" in Latin-1, which is no UTF-8
        byte[] latin1 = purchase("\"description\":\"café\"").getBytes(StandardCharsets.ISO_8859_1);

        // when
        Answer refused = send(HttpRequest.POST("/payments", latin1).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("api-key", key));

        // then
        assertThat(error(refused, 400)).containsEntry("code", "IR_06");
        assertThat((String) error(refused, 400).get("message")).contains("not valid UTF-8");
        assertThat(payments()).isEmpty();
    }

    @Test
    void billingNestedDeeperThanTheLimitIsRefusedBeforeTheCharge() {
        // given: 65 levels, which failed after the charge, and 63, which was stored and broke every list page
        long callsBefore = processorCalls();

        // when
        Answer deepest = post(key, "/payments", purchase("\"billing\":" + nested(65)));
        Answer deep = post(key, "/payments", purchase("\"billing\":" + nested(63)));
        Answer list = get(key, "/payments/list");

        // then
        assertThat(error(deepest, 400)).containsEntry("code", "IR_06");
        assertThat((String) error(deep, 400).get("message")).startsWith("billing.a.a.a")
                .endsWith("must not nest objects and arrays more than " + JsonLimits.MAX_DEPTH + " levels deep");
        assertThat(processorCalls()).isEqualTo(callsBefore);
        assertThat(ok(list)).containsEntry("size", 0);
    }

    @Test
    void billingAsDeepAsTheLimitIsKeptAndListed() {
        // when: the body's own level and 31 more
        Map<String, Object> payment = ok(post(key, "/payments", purchase("\"billing\":" + nested(31))));

        // then
        assertThat(payment).containsKey("billing");
        assertThat(ok(get(key, "/payments/list"))).containsEntry("size", 1);
    }

    @Test
    void aKeptValueLargerThanItsLimitIsRefused() {
        // when: 40 keys of 500 characters each: about 20,000 characters of JSON
        StringBuilder shipping = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            shipping.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append("x".repeat(500))
                    .append('"');
        }
        Answer refused = post(key, "/payments", purchase("\"shipping\":" + shipping + "}"));

        // then
        assertThat(error(refused, 400)).containsEntry("message",
                "shipping: must be at most " + JsonBody.MAX_KEPT_LENGTH + " characters of JSON");
        assertThat(payments()).isEmpty();
    }

    @Test
    void aKeptStringLongerThanHyperswitchAllowsIsRefused() {
        // when
        Answer refused = post(key, "/payments", purchase("\"merchant_order_reference_id\":\"" + "r".repeat(4000)
                + "\""));

        // then
        assertThat(error(refused, 400)).containsEntry("message", "merchant_order_reference_id: must be at most "
                + JsonBody.MAX_KEPT_STRING + " characters");
    }

    @Test
    void aRefusalNamesTheFieldDownToItsPlaceInArraysAndTheObjectOfABadKey() {
        // when
        Answer inArray = post(key, "/payments", purchase("\"order_details\":[{\"product_name\":\"ok\"},"
                + "{\"product_name\":\"a\\u0000\"}]"));
        Answer inKey = post(key, "/payments", purchase("\"metadata\":{\"bad\\ud800key\":\"v\"}"));

        // then
        assertThat(error(inArray, 400)).containsEntry("message", "order_details[1].product_name: " + Text.NUL);
        assertThat(error(inKey, 400)).containsEntry("message", "metadata: keys " + Text.SURROGATE);
    }

    @Test
    void aNulInAnIdOfThePathIsRefusedOnEveryRouteThatFailedWithIt() {
        // given
        String merchantId = merchantIdOf(key);
        List<HttpRequest<?>> requests = List.of(
                HttpRequest.GET("/accounts/%00").header("api-key", ADMIN_KEY),
                HttpRequest.GET("/api_keys/" + merchantId + "/%00").header("api-key", ADMIN_KEY),
                HttpRequest.GET("/account/%00/connectors").header("api-key", ADMIN_KEY),
                HttpRequest.GET("/customers/%00/mandates").header("api-key", key),
                HttpRequest.POST("/webhooks/" + merchantId + "/%00", "{}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE));

        // when / then
        for (HttpRequest<?> request : requests) {
            Answer answer = send(request);
            assertThat(error(answer, 400)).as(request.getPath()).containsEntry("code", "IR_06");
            assertThat((String) error(answer, 400).get("message")).as(request.getPath()).endsWith(Text.NUL);
        }
    }

    @Test
    void aHostilePathIsRefusedBeforeTheApiKeyIsLookedUp() {
        // when: no key at all
        Answer answer = send(HttpRequest.GET("/customers/a%00b/mandates"));

        // then: the door answers first, so no lookup ever runs with what the request names
        assertThat(error(answer, 400)).containsEntry("message", "customer_id: " + Text.NUL);
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingIt() {
        // when
        Answer answer = send(HttpRequest.GET("/accounts/list?organization_id=a%00b").header("api-key", ADMIN_KEY));

        // then
        assertThat(error(answer, 400)).containsEntry("message", "organization_id: " + Text.NUL);
    }

    @Test
    void aNulInTheFormOfAReturnFromARedirectIsRefused() {
        // given
        String path = "/payments/pay_x/" + merchantIdOf(key) + "/redirect/response/simulator";

        // when
        Answer answer = send(HttpRequest.POST(path, "PaRes=a%00b")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));

        // then
        assertThat(error(answer, 400)).containsEntry("message", "form: " + Text.NUL);
    }

    /** A purchase by card, confirmed at once, with {@code extra} fields. */
    private static String purchase(String extra) {
        return "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true," + card(VISA) + "," + extra + "}";
    }

    /** An object {@code levels} deep: {"a":{"a":…{}}}. */
    static String nested(int levels) {
        return "{\"a\":".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    }

    @SuppressWarnings("unchecked")
    private List<Object> payments() {
        return (List<Object>) ok(get(key, "/payments/list?limit=100")).get("data");
    }

    private long processorCalls() {
        return registry.find("tender.connector.calls").timers().stream().mapToLong(Timer::count).sum();
    }
}
