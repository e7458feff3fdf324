package dev.tender.app.api;

import dev.tender.connector.simulator.TestCards;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business flows of the seed documents ({@code reference/seeds/000_*}: e-commerce checkout,
 * marketplace, hotel/travel, digital goods, SaaS subscription; {@code 004_*}: Amazon Payment Services' payment
 * operations) and the reconciliation of a pending authorization, end to end over real HTTP on the
 * embedded PostgreSQL. Each test follows the money through the story: after every step the status,
 * {@code amount}, {@code amount_capturable}, {@code amount_received} and the succeeded refunds; a
 * refused step answers the documented code and changes nothing; at the end {@code GET /payments/{id}},
 * the payment list and the refund list agree with the sum of the steps.
 *
 * <p>Not here: {@code create_order}, which is not exposed over HTTP yet (a later issue).
 */
@MicronautTest(transactional = false)
class BusinessFlowsApiTest extends ApiTestSupport {

    @Test
    void aCheckoutIsAuthorizedCapturedWhenTheOrderShipsAndRefundedForReturnsButNeverAboveWhatRemains() {
        // given an order placed before the customer pays
        String key = merchant("m_checkout");
        Map<String, Object> created = ok(post(key, "/payments", "{\"amount\":10000,\"currency\":\"USD\","
                + "\"capture_method\":\"manual\",\"customer_id\":\"cus_checkout\","
                + "\"metadata\":{\"order_ref\":\"ord_1001\"}}"));
        String id = idOf(created);
        assertThat(Money.of(created)).isEqualTo(new Money("requires_payment_method", 10_000, 0, 0, 0));

        // when the customer pays by card, then the funds are held and nothing is charged
        Map<String, Object> authorized = ok(post(key, "/payments/" + id + "/confirm",
                "{" + card(TestCards.MASTERCARD) + "}"));
        assertThat(Money.of(authorized)).isEqualTo(new Money("requires_capture", 10_000, 10_000, 0, 0));

        // when the order ships, then all of it is charged
        Map<String, Object> shipped = capture(key, id, 10_000);
        assertThat(Money.of(shipped)).isEqualTo(new Money("succeeded", 10_000, 0, 10_000, 0));

        // when the customer returns one item, then another
        assertSucceeded(refund(key, id, 2_500), id, 2_500);
        assertThat(Money.of(payment(key, id))).isEqualTo(new Money("succeeded", 10_000, 0, 10_000, 2_500));
        assertSucceeded(refund(key, id, 1_500), id, 1_500);
        assertThat(Money.of(payment(key, id))).isEqualTo(new Money("succeeded", 10_000, 0, 10_000, 4_000));

        // when a refund asks for one cent more than the 60.00 left, then it is refused and nothing moves
        Map<String, Object> error = assertRefusedAndUnchanged(key, id, "IR_13", () -> refundAnswer(key, id, 6_001));
        assertThat((String) error.get("message")).contains("60.00 USD");

        // then the books agree with the steps, and the order is still the customer's
        Map<String, Object> payment = assertBooks(key, id, new Money("succeeded", 10_000, 0, 10_000, 4_000),
                2_500, 1_500);
        assertThat(payment).containsEntry("customer_id", "cus_checkout")
                .containsEntry("metadata", Map.of("order_ref", "ord_1001"));
    }

    @Test
    void aMarketplaceCapturesEachSellersPartVoidsTheRestAndRefundsOneSeller() {
        // given a buyer's basket of two sellers' goods, held for several captures
        String key = merchant("m_marketplace");
        Map<String, Object> held = confirmedPayment(key, 10_000, "manual_multiple");
        String id = idOf(held);
        assertThat(Money.of(held)).isEqualTo(new Money("requires_capture", 10_000, 10_000, 0, 0));

        // when seller A ships, then seller B
        Map<String, Object> sellerA = capture(key, id, 6_000);
        Map<String, Object> sellerB = capture(key, id, 2_500);

        // then each capture takes its part and the rest stays held
        assertThat(Money.of(sellerA))
                .isEqualTo(new Money("partially_captured_and_capturable", 10_000, 4_000, 6_000, 0));
        assertThat(Money.of(sellerB))
                .isEqualTo(new Money("partially_captured_and_capturable", 10_000, 1_500, 8_500, 0));

        // when the rest is not needed, then it is released and nothing more can be captured
        Map<String, Object> released = ok(post(key, "/payments/" + id + "/cancel",
                "{\"cancellation_reason\":\"remainder_not_needed\"}"));
        assertThat(Money.of(released)).isEqualTo(new Money("partially_captured", 10_000, 0, 8_500, 0));
        assertRefusedAndUnchanged(key, id, "IR_14",
                () -> post(key, "/payments/" + id + "/capture", "{\"amount_to_capture\":1}"));

        // when seller A's goods come back
        assertSucceeded(refund(key, id, 6_000), id, 6_000);

        // then
        assertBooks(key, id, new Money("partially_captured", 10_000, 0, 8_500, 6_000), 6_000);
    }

    @Test
    void aHotelPreAuthorizesRaisesTheHoldForIncidentalsAndCapturesTheFinalBill() {
        // given a room held at check-in
        String key = merchant("m_hotel");
        Map<String, Object> checkIn = confirmedPayment(key, 20_000, "manual");
        String id = idOf(checkIn);
        assertThat(Money.of(checkIn)).isEqualTo(new Money("requires_capture", 20_000, 20_000, 0, 0));

        // when the minibar and the spa raise the hold to a new total of 260.00
        Map<String, Object> raised = ok(post(key, "/payments/" + id + "/incremental_authorization",
                "{\"amount\":26000,\"reason\":\"incidentals\"}"));
        assertThat(Money.of(raised)).isEqualTo(new Money("requires_capture", 26_000, 26_000, 0, 0));

        // when the guest checks out with a bill of 237.50
        Map<String, Object> checkOut = capture(key, id, 23_750);

        // then the bill is charged, the rest released, and nothing more can be captured
        assertThat(Money.of(checkOut)).isEqualTo(new Money("partially_captured", 26_000, 0, 23_750, 0));
        assertRefusedAndUnchanged(key, id, "IR_14",
                () -> post(key, "/payments/" + id + "/capture", "{\"amount_to_capture\":2250}"));
        assertBooks(key, id, new Money("partially_captured", 26_000, 0, 23_750, 0));
    }

    @Test
    void digitalGoodsAreChargedAtOnceAndRefundedOnceInFull() {
        // given an instant-access purchase
        String key = merchant("m_digital");
        Map<String, Object> bought = confirmedPayment(key, 999, "automatic");
        String id = idOf(bought);
        assertThat(Money.of(bought)).isEqualTo(new Money("succeeded", 999, 0, 999, 0));

        // when the customer gets everything back (no amount: all that is refundable)
        Map<String, Object> refund = ok(post(key, "/refunds", "{\"payment_id\":\"" + id + "\"}"));
        assertSucceeded(refund, id, 999);
        assertThat(Money.of(payment(key, id))).isEqualTo(new Money("succeeded", 999, 0, 999, 999));

        // then a further refund is refused and changes nothing
        assertRefusedAndUnchanged(key, id, "IR_13", () -> refundAnswer(key, id, 1));
        assertRefusedAndUnchanged(key, id, "IR_13", () -> post(key, "/refunds", "{\"payment_id\":\"" + id + "\"}"));
        assertBooks(key, id, new Money("succeeded", 999, 0, 999, 999), 999);
    }

    @Test
    void aSaasSubscriptionIsChargedMonthlyWithoutTheCustomerUntilCancelledThenChargesAreRefused() {
        // given a customer who subscribes: a mandate of up to 50.00 a month, set up without charging anything
        String key = merchant("m_saas");
        String customer = "cus_saas";
        Map<String, Object> subscribed = ok(post(key, "/payments", "{\"amount\":0,\"currency\":\"USD\","
                + "\"confirm\":true,\"customer_id\":\"" + customer + "\",\"setup_future_usage\":\"off_session\","
                + MandatesApiTest.ACCEPTANCE + ",\"mandate_data\":{\"mandate_type\":{\"multi_use\":{\"amount\":5000,"
                + "\"currency\":\"USD\"}}}," + card(TestCards.VISA) + "}"));
        String mandateId = (String) subscribed.get("mandate_id");
        assertThat(Money.of(subscribed)).isEqualTo(new Money("succeeded", 0, 0, 0, 0));
        assertThat(mandateId).isNotNull();

        // when the merchant charges the 19.99 fee in March and in April, the customer not present, no card sent
        List<String> months = List.of("2025-03", "2025-04");
        List<String> charges = months.stream().map(month -> idOf(assertCharged(ok(post(key, "/payments",
                "{\"amount\":1999,\"currency\":\"USD\",\"confirm\":true,\"off_session\":true,"
                        + "\"customer_id\":\"" + customer + "\",\"mandate_id\":\"" + mandateId + "\","
                        + "\"metadata\":{\"invoice\":\"" + month + "\"}}")), mandateId))).toList();

        // then each month is charged once, and the subscription stays active
        assertThat(charges).doesNotHaveDuplicates();
        assertThat(ok(get(key, "/mandates/" + mandateId))).containsEntry("status", "active");

        // when the customer cancels
        assertThat(ok(post(key, "/mandates/revoke/" + mandateId, "{}"))).containsEntry("status", "revoked");

        // then May's fee is refused, and nothing is charged for it
        Map<String, Object> may = error(post(key, "/payments", "{\"amount\":1999,\"currency\":\"USD\","
                + "\"confirm\":true,\"off_session\":true,\"customer_id\":\"" + customer + "\",\"mandate_id\":\""
                + mandateId + "\"}"), 400);
        assertThat(may).containsEntry("code", "HE_03");

        // then the books: the setup and the two monthly fees, the customer's one mandate revoked
        List<Map<String, Object>> listed = objectsOf(ok(get(key, "/payments/list?limit=100")).get("data"));
        assertThat(listed).extracting(p -> p.get("payment_id") + " " + Money.of(p)).containsExactlyInAnyOrder(
                idOf(subscribed) + " " + new Money("succeeded", 0, 0, 0, 0),
                charges.get(0) + " " + new Money("succeeded", 1_999, 0, 1_999, 0),
                charges.get(1) + " " + new Money("succeeded", 1_999, 0, 1_999, 0));
        assertThat(listed).filteredOn(p -> charges.contains(idOf(p))).extracting(p -> p.get("metadata"))
                .containsExactlyInAnyOrder(Map.of("invoice", "2025-03"), Map.of("invoice", "2025-04"));
        Answer mandates = get(key, "/customers/" + customer + "/mandates");
        assertThat(mandates.status()).isEqualTo(200);
        assertThat(objectsOf(array(mandates))).extracting(m -> m.get("mandate_id") + " " + m.get("status"))
                .containsExactly(mandateId + " revoked");
    }

    private Object array(Answer answer) {
        try {
            return json.readValue(answer.body(), Object.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(answer.body(), e);
        }
    }

    /** A merchant-initiated charge on the mandate, paid with the card the mandate was set up with. */
    private static Map<String, Object> assertCharged(Map<String, Object> charge, String mandateId) {
        assertThat(Money.of(charge)).isEqualTo(new Money("succeeded", 1_999, 0, 1_999, 0));
        assertThat(charge).containsEntry("mandate_id", mandateId).containsEntry("off_session", true)
                .containsEntry("payment_method", "card");
        return charge;
    }

    @Test
    void paymentOperationsAnAuthorizationVoidedBeforeCaptureChargesNothing() {
        // given an authorization
        String key = merchant("m_aps_void");
        Map<String, Object> authorized = confirmedPayment(key, 5_000, "manual");
        String id = idOf(authorized);
        assertThat(Money.of(authorized)).isEqualTo(new Money("requires_capture", 5_000, 5_000, 0, 0));

        // when the customer cancels the reservation
        Map<String, Object> voided = ok(post(key, "/payments/" + id + "/cancel",
                "{\"cancellation_reason\":\"reservation_cancelled\"}"));

        // then the hold is released: nothing to capture, nothing to refund
        assertThat(Money.of(voided)).isEqualTo(new Money("cancelled", 5_000, 0, 0, 0));
        assertThat(voided).containsEntry("cancellation_reason", "reservation_cancelled");
        assertRefusedAndUnchanged(key, id, "IR_14", () -> post(key, "/payments/" + id + "/capture", "{}"));
        assertRefusedAndUnchanged(key, id, "IR_14", () -> refundAnswer(key, id, 100));
        assertBooks(key, id, new Money("cancelled", 5_000, 0, 0, 0));
    }

    @Test
    void paymentOperationsAPurchaseReversedBeforeSettlementCannotBeRefundedToo() {
        // given a purchase: authorized and captured in one step
        String key = merchant("m_aps_reverse");
        Map<String, Object> purchased = confirmedPayment(key, 5_000, "automatic");
        String id = idOf(purchased);
        assertThat(Money.of(purchased)).isEqualTo(new Money("succeeded", 5_000, 0, 5_000, 0));

        // when it is reversed the same day
        Map<String, Object> reversed = ok(post(key, "/payments/" + id + "/cancel_post_capture",
                "{\"cancellation_reason\":\"same_day_cancellation\"}"));

        // then the capture is returned by the reversal (amount_received still says what was captured),
        // so a refund on top would pay the customer twice: it is refused by the status
        assertThat(Money.of(reversed)).isEqualTo(new Money("cancelled_post_capture", 5_000, 0, 5_000, 0));
        assertRefusedAndUnchanged(key, id, "IR_14", () -> refundAnswer(key, id, 100));
        assertRefusedAndUnchanged(key, id, "IR_14", () -> post(key, "/refunds", "{\"payment_id\":\"" + id + "\"}"));
        assertBooks(key, id, new Money("cancelled_post_capture", 5_000, 0, 5_000, 0));
    }

    @Test
    void paymentOperationsAThreeDsChallengeRedirectsTheCustomerAndChargesOnceWhenTheyComeBack() {
        // given a purchase with a card that asks for a 3DS challenge
        String key = merchant("m_aps_3ds");
        String returnUrl = "https://shop.example/3ds-done";
        Map<String, Object> challenged = ok(post(key, "/payments", "{\"amount\":2500,\"currency\":\"USD\","
                + "\"confirm\":true,\"return_url\":\"" + returnUrl + "\"," + card(TestCards.THREE_DS_CHALLENGE) + "}"));
        String id = idOf(challenged);

        // then the customer is sent to the issuer, and nothing is charged yet
        assertThat(Money.of(challenged)).isEqualTo(new Money("requires_customer_action", 2_500, 0, 0, 0));
        Map<?, ?> next = (Map<?, ?>) challenged.get("next_action");
        assertThat(next.get("type")).isEqualTo("redirect_to_url");
        assertThat((String) next.get("redirect_to_url")).startsWith("https://acs.simulator.invalid/challenge/")
                .contains("return_url=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8));

        // when the customer comes back having passed the challenge
        String redirect = "{\"redirect_response\":{\"param\":\"result=success\"}}";
        Map<String, Object> completed = ok(post(key, "/payments/" + id + "/complete_authorize", redirect));

        // then it is charged, and the same redirect replayed charges nothing more
        assertThat(Money.of(completed)).isEqualTo(new Money("succeeded", 2_500, 0, 2_500, 0));
        assertThat(completed).containsEntry("next_action", null);
        assertRefusedAndUnchanged(key, id, "IR_14",
                () -> post(key, "/payments/" + id + "/complete_authorize", redirect));
        assertBooks(key, id, new Money("succeeded", 2_500, 0, 2_500, 0));
    }

    @Test
    void aPendingAuthorizationIsResolvedByASyncAndThenCapturedAndRefundedAsUsual() {
        // given an authorization the processor answers later
        String key = merchant("m_reconcile");
        Map<String, Object> pending = ok(post(key, "/payments", "{\"amount\":3000,\"currency\":\"USD\","
                + "\"confirm\":true,\"capture_method\":\"manual\"," + card(TestCards.ASYNC_PENDING) + "}"));
        String id = idOf(pending);
        assertThat(Money.of(pending)).isEqualTo(new Money("processing", 3_000, 0, 0, 0));

        // then no money moves before the answer
        assertRefusedAndUnchanged(key, id, "IR_14", () -> post(key, "/payments/" + id + "/capture", "{}"));

        // when the merchant asks the processor
        Map<String, Object> synced = ok(get(key, "/payments/" + id + "?force_sync=true"));
        assertThat(Money.of(synced)).isEqualTo(new Money("requires_capture", 3_000, 3_000, 0, 0));

        // when it is captured and partly refunded
        assertThat(Money.of(capture(key, id, 3_000))).isEqualTo(new Money("succeeded", 3_000, 0, 3_000, 0));
        assertSucceeded(refund(key, id, 1_000), id, 1_000);

        // then a second sync applies nothing twice, and the books agree
        Money expected = new Money("succeeded", 3_000, 0, 3_000, 1_000);
        assertThat(Money.of(ok(get(key, "/payments/" + id + "?force_sync=true")))).isEqualTo(expected);
        assertBooks(key, id, expected, 1_000);
    }

    /** The money of a payment as the API shows it; {@code refunded} sums its succeeded refunds. */
    private record Money(String status, long amount, long capturable, long received, long refunded) {

        static Money of(Map<String, Object> payment) {
            long refunded = objectsOf(payment.get("refunds")).stream()
                    .filter(r -> "succeeded".equals(r.get("status")))
                    .mapToLong(r -> number(r, "amount")).sum();
            return new Money((String) payment.get("status"), number(payment, "amount"),
                    number(payment, "amount_capturable"), number(payment, "amount_received"), refunded);
        }
    }

    private Map<String, Object> payment(String key, String id) {
        return ok(get(key, "/payments/" + id));
    }

    private Map<String, Object> capture(String key, String id, long amount) {
        return ok(post(key, "/payments/" + id + "/capture", "{\"amount_to_capture\":" + amount + "}"));
    }

    private Map<String, Object> refund(String key, String id, long amount) {
        return ok(refundAnswer(key, id, amount));
    }

    private Answer refundAnswer(String key, String id, long amount) {
        return post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":" + amount + "}");
    }

    private static void assertSucceeded(Map<String, Object> refund, String paymentId, long amount) {
        assertThat(refund).containsEntry("payment_id", paymentId).containsEntry("amount", (int) amount)
                .containsEntry("status", "succeeded").containsEntry("error_code", null);
    }

    /**
     * Reads the payment, sends the request, and checks the answer is a 400 with the code in Hyperswitch's
     * error shape and the payment is exactly as it was before the request.
     */
    private Map<String, Object> assertRefusedAndUnchanged(String key, String id, String code,
                                                          Supplier<Answer> request) {
        Map<String, Object> before = payment(key, id);
        Answer answer = request.get();
        Map<String, Object> error = error(answer, 400);
        assertThat(error.get("code")).as(answer.body()).isEqualTo(code);
        assertThat(payment(key, id)).isEqualTo(before);
        return error;
    }

    /**
     * The end of a story: the payment shows the expected money and exactly the refunds made (all
     * succeeded), the refund list holds the same refunds, and the payment list shows the same payment.
     */
    private Map<String, Object> assertBooks(String key, String id, Money expected, long... refundAmounts) {
        Map<String, Object> payment = payment(key, id);
        List<String> refunds = Arrays.stream(refundAmounts).mapToObj(a -> a + " succeeded").toList();
        assertThat(Money.of(payment)).isEqualTo(expected);
        assertThat(expected.refunded()).isEqualTo(Arrays.stream(refundAmounts).sum());
        assertThat(describe(payment.get("refunds"))).containsExactlyInAnyOrderElementsOf(refunds);

        Map<String, Object> refundList = ok(post(key, "/refunds/list",
                "{\"payment_id\":\"" + id + "\",\"limit\":100}"));
        assertThat(refundList).containsEntry("count", refunds.size()).containsEntry("total_count", refunds.size());
        assertThat(describe(refundList.get("data"))).containsExactlyInAnyOrderElementsOf(refunds);

        List<Map<String, Object>> listed = objectsOf(ok(get(key, "/payments/list?limit=100")).get("data"));
        assertThat(listed).containsExactly(payment);
        return payment;
    }

    private static List<String> describe(Object refunds) {
        return objectsOf(refunds).stream().map(r -> number(r, "amount") + " " + r.get("status")).toList();
    }

    /** The objects of a JSON array (refunds, or a list's data); none for null. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objectsOf(Object array) {
        return array == null ? List.of() : (List<Map<String, Object>>) array;
    }

    private static String idOf(Map<String, Object> payment) {
        return (String) payment.get("payment_id");
    }

    private static long number(Map<String, Object> body, String field) {
        return ((Number) body.get(field)).longValue();
    }
}
