package dev.tender.app.api;

import dev.tender.application.RedirectSignatures;
import dev.tender.domain.payment.MerchantId;
import dev.tender.inmemory.DerivedRedirectSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.vavr.collection.LinkedHashMap;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's browser back from a 3DS challenge, over real HTTP and without an api-key: Tender verifies
 * the signed return URL it gave the processor, completes the authorization with what the processor's page
 * added, and sends the browser on to the merchant's return_url with payment_id and status. A forged,
 * tampered, stale or replayed return is a 400 and changes nothing.
 *
 * <p>The simulator's ACS page is {@code https://acs.simulator.invalid/challenge/{id}?payment=…&return_url=…};
 * as its documentation says, it sends the customer back to {@code return_url} with {@code result=success}
 * when the challenge is passed and any other result when it is not. The tests play that browser.
 */
@MicronautTest(transactional = false)
class RedirectApiTest extends ApiTestSupport {

    static final String BASE = "https://pay.tender.test";
    static final String SECRET = "redirect-secret-for-the-api-tests-0123456789";
    static final String THREE_DS = "4000000000003063";
    static final String SHOP = "https://shop.example/checkout/done?order=42";

    @Inject
    MeterRegistry registry;

    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("tender.return-url-base", BASE);
        properties.put("tender.redirect-secret", SECRET);
        // the browser's 302 is what the tests read, not the shop's page
        properties.put("micronaut.http.client.follow-redirects", "false");
        return properties;
    }

    /** A merchant's payment waiting for the customer at the simulator's ACS. */
    record Challenged(String key, String merchantId, String paymentId, String returnUrl) {
    }

    Challenged challenged(String returnUrl) {
        String key = merchant("m_rdr");
        Map<String, Object> payment = ok(post(key, "/payments", "{\"amount\":2500,\"currency\":\"USD\",\"confirm\":true,"
                + (returnUrl == null ? "" : "\"return_url\":\"" + returnUrl + "\",") + card(THREE_DS) + "}"));
        assertThat(payment).containsEntry("status", "requires_customer_action");
        String acs = (String) ((Map<?, ?>) payment.get("next_action")).get("redirect_to_url");
        assertThat(acs).startsWith("https://acs.simulator.invalid/challenge/").doesNotContain("shop.example");
        return new Challenged(key, merchantIdOf(key), (String) payment.get("payment_id"), query(acs).get("return_url"));
    }

    /** The browser sent back by the ACS: GET the return URL with the ACS's result added, no api-key. */
    Answer back(String returnUrl, String result) {
        return send(HttpRequest.GET(local(returnUrl) + "&result=" + result));
    }

    /** The same, when the ACS posts its result as a form. */
    Answer postedBack(String returnUrl, String form) {
        return send(HttpRequest.POST(local(returnUrl), form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    Map<String, Object> payment(Challenged c) {
        return ok(get(c.key(), "/payments/" + c.paymentId()));
    }

    double completions() {
        return registry.find("tender.connector.calls").tag("operation", "complete_authorize").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    static String location(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        return answer.response().getHeaders().get(HttpHeaders.LOCATION);
    }

    @Nested
    class APassedChallenge {

        @Test
        void theReturnUrlIsTendersOnHyperswitchsPathAndShort() {
            // when
            Challenged c = challenged(SHOP);

            // then
            assertThat(c.returnUrl()).startsWith(BASE + "/payments/" + c.paymentId() + "/" + c.merchantId()
                    + "/redirect/complete/simulator?tender_issued_at=");
            assertThat(query(c.returnUrl()).keySet()).containsExactlyInAnyOrder(RedirectSignatures.ISSUED_AT,
                    RedirectSignatures.NONCE, RedirectSignatures.SIGNATURE);
        }

        @Test
        void sendsTheBrowserToTheMerchantWithPaymentIdAndStatusAndChargesOnce() {
            // given
            Challenged c = challenged(SHOP);
            double before = completions();

            // when
            Answer answer = back(c.returnUrl(), "success");

            // then
            assertThat(location(answer)).isEqualTo(SHOP + "&payment_id=" + c.paymentId() + "&status=succeeded");
            assertThat(answer.response().getHeaders().get(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
            assertThat(payment(c)).containsEntry("status", "succeeded").containsEntry("amount_received", 2500)
                    .containsEntry("next_action", null);
            assertThat(completions() - before).isEqualTo(1);
        }

        @Test
        void aPostedFormIsReadAsTheQueryIs() {
            // given
            Challenged c = challenged(SHOP);

            // when
            Answer answer = postedBack(c.returnUrl(), "result=success");

            // then
            assertThat(location(answer)).isEqualTo(SHOP + "&payment_id=" + c.paymentId() + "&status=succeeded");
            assertThat(payment(c)).containsEntry("status", "succeeded");
        }

        @Test
        void hyperswitchsResponsePathIsAnsweredAlike() {
            // given
            Challenged c = challenged(SHOP);

            // when
            Answer answer = back(c.returnUrl().replace("/redirect/complete/", "/redirect/response/"), "success");

            // then
            assertThat(location(answer)).endsWith("&status=succeeded");
        }

        @Test
        void withoutAReturnUrlTheBrowserIsToldWhereThePaymentStands() {
            // given
            Challenged c = challenged(null);

            // when
            Answer answer = back(c.returnUrl(), "success");

            // then
            assertThat(ok(answer)).isEqualTo(Map.of("payment_id", c.paymentId(), "status", "succeeded"));
        }
    }

    @Test
    void aFailedChallengeSendsTheBrowserBackWithStatusFailed() {
        // given
        Challenged c = challenged(SHOP);

        // when
        Answer answer = back(c.returnUrl(), "failure");

        // then
        assertThat(location(answer)).isEqualTo(SHOP + "&payment_id=" + c.paymentId() + "&status=failed");
        assertThat(payment(c)).containsEntry("status", "failed").containsEntry("amount_received", 0);
    }

    @Nested
    class ARefusedReturn {

        /** The return is a 400 in Hyperswitch's shape, no redirect, and the payment is as it was. */
        void refused(Challenged c, Answer answer) {
            Map<String, Object> before = payment(c);
            assertThat(error(answer, 400)).containsEntry("code", "IR_06");
            assertThat(answer.response().getHeaders().get(HttpHeaders.LOCATION)).isNull();
            assertThat(payment(c)).isEqualTo(before);
        }

        @Test
        void theSameReturnAgainIsAReplay() {
            // given
            Challenged c = challenged(SHOP);
            location(back(c.returnUrl(), "success"));
            double before = completions();

            // when
            Answer replayed = back(c.returnUrl(), "success");

            // then
            refused(c, replayed);
            assertThat(payment(c)).containsEntry("status", "succeeded").containsEntry("amount_received", 2500);
            assertThat(completions()).as("not sent to the connector again").isEqualTo(before);
        }

        @Test
        void aTamperedSignatureIsRefusedAndLeavesTheGenuineReturnUsable() {
            // given
            Challenged c = challenged(SHOP);
            String signature = query(c.returnUrl()).get(RedirectSignatures.SIGNATURE);
            String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

            // when
            Answer tampered = back(c.returnUrl().replace(signature, flipped), "success");

            // then
            refused(c, tampered);
            assertThat(payment(c)).containsEntry("status", "requires_customer_action");
            assertThat(location(back(c.returnUrl(), "success"))).endsWith("&status=succeeded");
        }

        @Test
        void anotherMerchantInThePathIsRefused() {
            // given
            Challenged c = challenged(SHOP);
            String other = merchantIdOf(merchant("m_rdr_other"));

            // when
            Answer answer = back(c.returnUrl().replace("/" + c.merchantId() + "/", "/" + other + "/"), "success");

            // then
            refused(c, answer);
            assertThat(answer.body()).doesNotContain(c.merchantId());
        }

        @Test
        void anotherPaymentOrConnectorInThePathIsRefused() {
            // given
            Challenged c = challenged(SHOP);
            Challenged other = challenged(SHOP);

            // when
            Answer otherPayment = back(c.returnUrl().replace("/payments/" + c.paymentId() + "/",
                    "/payments/" + other.paymentId() + "/"), "success");
            Answer otherConnector = back(c.returnUrl().replace("/simulator?", "/stripe?"), "success");

            // then
            refused(other, otherPayment);
            refused(c, otherConnector);
            assertThat(payment(c)).containsEntry("status", "requires_customer_action");
            assertThat(payment(other)).containsEntry("status", "requires_customer_action");
        }

        @Test
        void aStaleReturnIsRefused() {
            // given: a return signed as Tender signs, but sixteen minutes ago (fifteen are allowed)
            Challenged c = challenged(SHOP);

            // when
            Answer stale = back(signedReturn(c, Instant.now().minus(Duration.ofMinutes(16))), "success");

            // then
            refused(c, stale);
            assertThat(location(back(signedReturn(c, Instant.now()), "success")))
                    .as("signed the same way now, it is accepted").endsWith("&status=succeeded");
        }

        @Test
        void aReturnWithoutItsSignatureOrWithAParameterTwiceIsRefused() {
            // given
            Challenged c = challenged(SHOP);
            String path = c.returnUrl().substring(0, c.returnUrl().indexOf('?'));

            // when
            Answer unsigned = send(HttpRequest.GET(local(path) + "?result=success"));
            Answer twice = back(c.returnUrl() + "&result=failure", "success");

            // then
            refused(c, unsigned);
            refused(c, twice);
            assertThat(location(back(c.returnUrl(), "success"))).endsWith("&status=succeeded");
        }

        @Test
        void aBodyThatIsNotAFormIsRefused() {
            // given
            Challenged c = challenged(SHOP);

            // when
            Answer json = send(HttpRequest.POST(local(c.returnUrl()), "{\"result\":\"success\"}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE));

            // then
            refused(c, json);
            assertThat(error(json, 400).get("message").toString()).contains("form");
        }

        @Test
        void aHeadRequestUsesNothingUp() {
            // given
            Challenged c = challenged(SHOP);

            // when
            Answer head = send(HttpRequest.HEAD(local(c.returnUrl()) + "&result=success"));

            // then
            assertThat(head.status()).isEqualTo(405);
            assertThat(payment(c)).containsEntry("status", "requires_customer_action");
            assertThat(location(back(c.returnUrl(), "success"))).endsWith("&status=succeeded");
        }
    }

    @Nested
    class TheApiKey {

        @Test
        void isNotNeededOnTheReturnButStillOnEveryOtherRoute() {
            // given
            Challenged c = challenged(SHOP);
            String id = c.paymentId();

            // when
            List<Answer> withoutKey = List.of(
                    send(HttpRequest.GET("/payments/" + id)),
                    send(HttpRequest.GET("/payments/list")),
                    send(HttpRequest.POST("/payments/" + id + "/complete_authorize",
                            "{\"redirect_response\":{\"param\":\"result=success\"}}")
                            .contentType(MediaType.APPLICATION_JSON_TYPE)),
                    send(HttpRequest.POST("/payments/" + id + "/cancel", "{}").contentType(MediaType.APPLICATION_JSON_TYPE)),
                    // shapes close to the return's that no route of it serves
                    send(HttpRequest.GET("/payments/" + id + "/" + c.merchantId() + "/redirect/complete")),
                    send(HttpRequest.GET("/payments/" + id + "/" + c.merchantId() + "/redirect/other/simulator")),
                    send(HttpRequest.GET("/payments/" + id + "/" + c.merchantId() + "/redirect/complete/simulator/x")),
                    send(HttpRequest.GET("/payments/" + id + "/" + c.merchantId()
                            + "/redirect/complete/simulator/../../../../" + id)));

            // then
            for (Answer answer : withoutKey) {
                assertThat(error(answer, 401)).containsEntry("code", "IR_01");
            }
            assertThat(payment(c)).containsEntry("status", "requires_customer_action");
            assertThat(location(back(c.returnUrl(), "success"))).endsWith("&status=succeeded");
        }
    }

    /**
     * Every route of the return, keyed by the router's routes so one added without a case fails here: none
     * acts on a payment without its signature, whoever's payment it names, and none needs an api-key.
     */
    @TestFactory
    Stream<DynamicTest> everyRouteOfTheReturnRefusesAnUnsignedReturnAndNeedsNoKey() {
        Set<String> routes = router.uriRoutes().filter(r -> r.getDeclaringType() == RedirectReturnController.class)
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
        String template = "/payments/{payment_id}/{merchant_id}/redirect/";
        assertThat(routes).containsExactlyInAnyOrder(
                "GET " + template + "complete/{connector}", "HEAD " + template + "complete/{connector}",
                "POST " + template + "complete/{connector}", "GET " + template + "response/{connector}",
                "HEAD " + template + "response/{connector}", "POST " + template + "response/{connector}");
        return routes.stream().map(route -> DynamicTest.dynamicTest(route, () -> {
            Challenged c = challenged(SHOP);
            String path = route.substring(route.indexOf(' ') + 1).replace("{payment_id}", c.paymentId())
                    .replace("{merchant_id}", c.merchantId()).replace("{connector}", "simulator") + "?result=success";
            Answer answer = switch (route.substring(0, route.indexOf(' '))) {
                case "GET" -> send(HttpRequest.GET(path));
                case "HEAD" -> send(HttpRequest.HEAD(path));
                default -> send(HttpRequest.POST(path, "result=success")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
            };
            assertThat(answer.status()).as(route + ": " + answer.body()).isIn(400, 405);
            assertThat(payment(c)).containsEntry("status", "requires_customer_action");
        }));
    }

    // ---------------------------------------------------------------- helpers

    /** A return URL for the payment signed with the service's secret, as Tender signs it, at the given time. */
    String signedReturn(Challenged c, Instant issuedAt) {
        MerchantId merchant = MerchantId.of(c.merchantId());
        byte[] secret = new DerivedRedirectSecrets(SECRET.getBytes(StandardCharsets.UTF_8)).secretFor(merchant);
        var signed = RedirectSignatures.standard().sign(secret, LinkedHashMap.of("payment_id", c.paymentId(),
                "merchant_id", c.merchantId(), "connector", "simulator"), issuedAt, "rdr_test_" + issuedAt.getEpochSecond());
        return BASE + "/payments/" + c.paymentId() + "/" + c.merchantId() + "/redirect/complete/simulator?"
                + signed.removeAll(List.of("payment_id", "merchant_id", "connector"))
                .map(p -> p._1 + "=" + URLEncoder.encode(p._2, StandardCharsets.UTF_8)).mkString("&");
    }

    /** The URL's path and query, to send to the service under test instead of its public host. */
    static String local(String url) {
        assertThat(url).startsWith(BASE + "/");
        return url.substring(BASE.length());
    }

    static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        return Stream.of(query.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }
}
