package dev.tender.app.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.tender.connector.kit.FormEncoding;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.vavr.collection.HashMap;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe's signed events through the service: a merchant's Stripe account points at a fake Stripe
 * (WireMock) whose answer is lost or not final, and the event Stripe would send, signed with the account's
 * {@code webhook_secret} and posted to {@code /webhooks/{merchant_id}/{connector_account_id}}, settles it
 * once; forged, tampered, stale and misdirected events move nothing.
 */
@MicronautTest(transactional = false)
class StripeWebhooksApiTest extends ApiTestSupport {

    private static final String SECRET = "whsec_api_test_0123456789";
    private static final String INTENTS = "/v1/payment_intents";
    /** The Stripe-Version the connector pins by default, in which the fake's objects are shaped. */
    private static final String PINNED = "2024-06-20";

    private final WireMockServer stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    private String key;
    private String merchantId;

    @BeforeAll
    void startStripe() {
        stripe.start();
    }

    @AfterAll
    void stopStripe() {
        stripe.stop();
    }

    @BeforeEach
    void merchantWithAStripeAccount() {
        stripe.resetAll();
        merchantId = stripeMerchant("m_stripe_hook", SECRET);
        key = merchants.createApiKey(merchantId, "key_" + merchantId, "test");
    }

    @Test
    void anAuthorizationWhoseAnswerWasLostIsSettledOnceByTheSignedEvent() {
        // given: Stripe fails with a 500, so the service does not know whether the card was charged
        String id = lostPurchase(key, 1500);
        String event = StripeEvents.event("evt_lost_1", "payment_intent.succeeded", PINNED,
                StripeEvents.paymentIntent("pi_lost", "succeeded", 1500, 1500, sentMetadata(id)));

        // when: Stripe delivers the event, then delivers it again
        Answer first = signed(event);
        Map<String, Object> settled = ok(get(key, "/payments/" + id));
        Answer replay = signed(event);

        // then: the payment moved once, with Stripe's id and the whole amount
        assertThat(ok(first)).isEqualTo(Map.of("applied", 1, "unchanged", 0));
        assertThat(settled).containsEntry("status", "succeeded").containsEntry("amount", 1500)
                .containsEntry("amount_received", 1500).containsEntry("connector_transaction_id", "pi_lost");
        assertThat(ok(replay)).isEqualTo(Map.of("applied", 0, "unchanged", 1));
        assertThat(ok(get(key, "/payments/" + id))).isEqualTo(settled);
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo(INTENTS))).getFirst().getHeader("Stripe-Version"))
                .isEqualTo(PINNED);
    }

    @Test
    void aChallengedAuthorizationIsSettledByAnEventOfAnotherApiVersionAndThenCaptured() {
        // given: Stripe asks for 3DS; the customer passes it, but the service never hears back from the page
        stripe.stubFor(WireMock.post(INTENTS).willReturn(okJson(StripeEvents.requiresAction("pi_3ds"))));
        stripe.stubFor(WireMock.post(INTENTS + "/pi_3ds/capture").willReturn(okJson(
                StripeEvents.paymentIntent("pi_3ds", "succeeded", 2000, 2000, Map.of()))));
        Map<String, Object> challenged = ok(post(key, "/payments", "{\"amount\":2000,\"currency\":\"USD\","
                + "\"confirm\":true,\"capture_method\":\"manual\",\"return_url\":\"https://shop.example/back\","
                + card(VISA) + "}"));
        String id = (String) challenged.get("payment_id");
        assertThat(challenged).containsEntry("status", "requires_customer_action")
                .containsEntry("amount_capturable", 0);
        // an endpoint created before the pinned version renders events in its own version
        String event = StripeEvents.event("evt_3ds_1", "payment_intent.amount_capturable_updated",
                "2025-08-27.basil",
                StripeEvents.paymentIntent("pi_3ds", "requires_capture", 2000, 0, sentMetadata(id)));

        // when
        Answer delivered = signed(event);
        Map<String, Object> authorized = ok(get(key, "/payments/" + id));
        Map<String, Object> captured = ok(post(key, "/payments/" + id + "/capture", "{}"));

        // then
        assertThat(ok(delivered)).isEqualTo(Map.of("applied", 1, "unchanged", 0));
        assertThat(authorized).containsEntry("status", "requires_capture").containsEntry("amount_capturable", 2000)
                .containsEntry("amount_received", 0).containsEntry("connector_transaction_id", "pi_3ds");
        assertThat(captured).containsEntry("status", "succeeded").containsEntry("amount_received", 2000);
        String capture = stripe.findAll(postRequestedFor(urlPathEqualTo(INTENTS + "/pi_3ds/capture"))).getFirst()
                .getBodyAsString();
        assertThat(FormEncoding.decode(capture).get("amount_to_capture")).contains("2000");
    }

    @Test
    void aPendingRefundIsSettledByTheRefundEventAndTheBooksShowIt() {
        // given: a payment of 3000, and a refund of 1200 that Stripe answers pending
        stripe.stubFor(WireMock.post(INTENTS).willReturn(okJson(
                StripeEvents.paymentIntent("pi_paid", "succeeded", 3000, 3000, Map.of()))));
        stripe.stubFor(WireMock.post("/v1/refunds").willReturn(okJson(
                StripeEvents.refund("re_pending", "pi_paid", 1200, "pending", Map.of()))));
        String id = purchase(key, 3000);
        Map<String, Object> refund = ok(post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":1200}"));
        String refundId = (String) refund.get("refund_id");
        assertThat(refund).containsEntry("status", "pending").containsEntry("amount", 1200);
        Map<String, String> metadata = metadata(FormEncoding.decode(stripe.findAll(
                postRequestedFor(urlPathEqualTo("/v1/refunds"))).getFirst().getBodyAsString()).toJavaMap());
        String event = StripeEvents.event("evt_refund_1", "refund.updated", PINNED,
                StripeEvents.refund("re_pending", "pi_paid", 1200, "succeeded", metadata));

        // when
        Answer first = signed(event);
        Answer replay = signed(event);

        // then
        assertThat(ok(first)).isEqualTo(Map.of("applied", 1, "unchanged", 0));
        assertThat(ok(replay)).isEqualTo(Map.of("applied", 0, "unchanged", 1));
        assertThat(ok(get(key, "/refunds/" + refundId))).containsEntry("status", "succeeded")
                .containsEntry("amount", 1200).containsEntry("payment_id", id);
        Map<String, Object> payment = ok(get(key, "/payments/" + id));
        assertThat(payment).containsEntry("status", "succeeded").containsEntry("amount_received", 3000);
        assertThat(payment.get("refunds")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement()
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("refund_id", refundId).containsEntry("status", "succeeded")
                .containsEntry("amount", 1200);
    }

    @Test
    void aTamperedWronglySignedStaleOrUnsignedEventIsRefusedAndMovesNothing() {
        // given
        String id = lostPurchase(key, 900);
        Map<String, Object> before = ok(get(key, "/payments/" + id));
        String event = StripeEvents.event("evt_forged", "payment_intent.succeeded", PINNED,
                StripeEvents.paymentIntent("pi_forged", "succeeded", 900, 900, sentMetadata(id)));
        String account = accountOf(merchantId);
        String tamperedEvent = event.replace("\"status\": \"succeeded\"", "\"status\": \"canceled\"");
        assertThat(tamperedEvent).isNotEqualTo(event);

        // when
        Answer tampered = deliver(merchantId, account, tamperedEvent, StripeEvents.signature(SECRET, Instant.now(), event));
        Answer wrongSecret = deliver(merchantId, account, event,
                StripeEvents.signature("whsec_someone_else", Instant.now(), event));
        Answer stale = deliver(merchantId, account, event,
                StripeEvents.signature(SECRET, Instant.now().minusSeconds(6 * 60), event));
        Answer unsigned = deliver(merchantId, account, event, null);

        // then
        for (Answer refused : new Answer[]{tampered, wrongSecret, stale, unsigned}) {
            assertThat(error(refused, 401)).containsEntry("code", "WE_01");
            assertThat(refused.body()).doesNotContain(id);
        }
        assertThat(ok(get(key, "/payments/" + id))).isEqualTo(before);
        // and the same event, signed now with the account's secret, is one that does move it
        assertThat(ok(signed(event))).isEqualTo(Map.of("applied", 1, "unchanged", 0));
    }

    @Test
    void anEventNamingAnotherMerchantsPaymentChangesNothing() {
        // given: another merchant with its own Stripe account, whose authorization's answer was lost too
        String otherSecret = "whsec_other_merchant_987";
        String other = stripeMerchant("m_stripe_other", otherSecret);
        String otherKey = merchants.createApiKey(other, "key_" + other, "test");
        String theirs = lostPurchase(otherKey, 4200);
        Map<String, Object> before = ok(get(otherKey, "/payments/" + theirs));
        String event = StripeEvents.event("evt_theirs", "payment_intent.succeeded", PINNED,
                StripeEvents.paymentIntent("pi_theirs", "succeeded", 4200, 4200, sentMetadata(theirs)));

        // when: signed with this merchant's secret, posted to this merchant's account
        Answer misdirected = signed(event);
        Answer otherAccountUnderThisMerchant = deliver(merchantId, accountOf(other), event,
                StripeEvents.signature(otherSecret, Instant.now(), event));

        // then
        assertThat(ok(misdirected)).isEqualTo(Map.of("applied", 0, "unchanged", 1));
        assertThat(error(otherAccountUnderThisMerchant, 404)).containsEntry("code", "HE_02");
        assertThat(ok(get(otherKey, "/payments/" + theirs))).isEqualTo(before);
        // and posted where it belongs, it settles the other merchant's payment
        Answer whereItBelongs = deliver(other, accountOf(other), event,
                StripeEvents.signature(otherSecret, Instant.now(), event));
        assertThat(ok(whereItBelongs)).isEqualTo(Map.of("applied", 1, "unchanged", 0));
        assertThat(ok(get(otherKey, "/payments/" + theirs))).containsEntry("status", "succeeded")
                .containsEntry("amount_received", 4200);
    }

    @Test
    void aSignedDeclineWhoseFieldsNoColumnHoldsIsAppliedBoundedInsteadOfFailingAtEachRetry() {
        // given: Stripe reports a decline with a 100-character decline code and a NUL in its message
        String id = lostPurchase(key, 700);
        String declineCode = "d".repeat(100);
        String intent = StripeEvents.paymentIntent("pi_declined", "requires_payment_method", 700, 0, sentMetadata(id))
                .replace("\"last_payment_error\": null", "\"last_payment_error\": {\"type\": \"card_error\", "
                        + "\"code\": \"card_declined\", \"decline_code\": \"" + declineCode + "\", "
                        + "\"message\": \"Your card was declined.\\u0000\"}");
        String event = StripeEvents.event("evt_long_1", "payment_intent.payment_failed", PINNED, intent);

        // when
        Answer delivered = signed(event);

        // then: applied once, readable, with the processor's text kept as far as it fits
        assertThat(ok(delivered)).isEqualTo(Map.of("applied", 1, "unchanged", 0));
        Map<String, Object> failed = ok(get(key, "/payments/" + id));
        assertThat(failed).containsEntry("status", "failed").containsEntry("error_code", "card_declined");
        assertThat((String) failed.get("error_message")).startsWith("Your card was declined.\uFFFD")
                .doesNotContain("\u0000").hasSizeLessThanOrEqualTo(1024);
        assertThat(ok(get(key, "/payments/list"))).containsEntry("size", 1);
    }

    @Test
    void aSignedSuccessWhoseIdIsLongerThanItsColumnIsAppliedWithTheIdClipped() {
        // given
        String id = lostPurchase(key, 800);
        String intentId = "pi_" + "x".repeat(400);
        String event = StripeEvents.event("evt_long_2", "payment_intent.succeeded", PINNED,
                StripeEvents.paymentIntent(intentId, "succeeded", 800, 800, sentMetadata(id)));

        // when
        Answer delivered = signed(event);

        // then
        assertThat(ok(delivered)).isEqualTo(Map.of("applied", 1, "unchanged", 0));
        assertThat(ok(get(key, "/payments/" + id))).containsEntry("status", "succeeded")
                .containsEntry("amount_received", 800)
                .containsEntry("connector_transaction_id", intentId.substring(0, 255));
    }

    /** A merchant whose only account is at the fake Stripe, signing its events with {@code secret}. */
    private String stripeMerchant(String prefix, String secret) {
        String id = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        merchants.create(id, "Shop " + id);
        accounts.add(new ConnectorAccount(accountOf(id), MerchantId.of(id), "stripe", "stripe", 1, true,
                Credentials.of(HashMap.of("api_key", "sk_test_api", "webhook_secret", secret)),
                HashMap.of("base_url", stripe.baseUrl())));
        return id;
    }

    private static String accountOf(String merchant) {
        return "acc_stripe_" + merchant;
    }

    private String purchase(String apiKey, long amount) {
        return (String) ok(post(apiKey, "/payments", "{\"amount\":" + amount + ",\"currency\":\"USD\","
                + "\"confirm\":true,\"capture_method\":\"automatic\"," + card(VISA) + "}")).get("payment_id");
    }

    /**
     * A purchase whose answer Stripe lost (a 500 with its {@code api_error}): the service cannot know whether
     * the card was charged, so the payment waits for the merchant, or for Stripe's event.
     */
    private String lostPurchase(String apiKey, long amount) {
        stripe.stubFor(WireMock.post(INTENTS).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(StripeEvents.apiError())));
        String id = purchase(apiKey, amount);
        assertThat(ok(get(apiKey, "/payments/" + id))).containsEntry("status", "requires_merchant_action")
                .containsEntry("amount_received", 0).containsEntry("connector", "stripe");
        return id;
    }

    /** The metadata the service sent Stripe with the payment's PaymentIntent: what Stripe echoes in events. */
    private Map<String, String> sentMetadata(String paymentId) {
        return stripe.findAll(postRequestedFor(urlPathEqualTo(INTENTS))).stream()
                .map(request -> metadata(FormEncoding.decode(request.getBodyAsString()).toJavaMap()))
                .filter(metadata -> paymentId.equals(metadata.get("tender_payment_id")))
                .findFirst().orElseThrow(() -> new AssertionError("no PaymentIntent was created for " + paymentId));
    }

    private static Map<String, String> metadata(Map<String, String> form) {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("metadata[") && name.endsWith("]")) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
            }
        });
        return metadata;
    }

    /** The event as Stripe posts it to this merchant's account: signed now with the account's secret. */
    private Answer signed(String event) {
        return deliver(merchantId, accountOf(merchantId), event, StripeEvents.signature(SECRET, Instant.now(), event));
    }

    private Answer deliver(String merchant, String account, String event, String signature) {
        var request = HttpRequest.POST("/webhooks/" + merchant + "/" + account, event)
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return send(request);
    }
}
