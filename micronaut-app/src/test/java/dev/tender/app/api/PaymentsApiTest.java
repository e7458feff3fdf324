package dev.tender.app.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every payments and refunds endpoint over real HTTP, happy paths and a full flow. */
@MicronautTest(transactional = false)
class PaymentsApiTest extends ApiTestSupport {

    @Test
    void createWithConfirmAuthorizesAndCapturesAndShowsOnlyTheCardSummary() {
        String key = merchant("m_create");

        Answer answer = post(key, "/payments", "{\"amount\":6540,\"currency\":\"USD\",\"confirm\":true,"
                + "\"capture_method\":\"automatic\",\"payment_id\":\"pay_create_1\",\"customer_id\":\"cus_1\","
                + "\"description\":\"a hat\",\"return_url\":\"https://shop.example/return\","
                + "\"authentication_type\":\"no_three_ds\",\"metadata\":{\"order\":\"o_1\",\"n\":3}," + card(VISA) + "}");

        Map<String, Object> payment = ok(answer);
        assertThat(payment).containsEntry("payment_id", "pay_create_1").containsEntry("merchant_id", merchantIdOf(key))
                .containsEntry("status", "succeeded").containsEntry("amount", 6540).containsEntry("net_amount", 6540)
                .containsEntry("amount_received", 6540).containsEntry("amount_capturable", 0)
                .containsEntry("currency", "USD").containsEntry("capture_method", "automatic")
                .containsEntry("customer_id", "cus_1").containsEntry("payment_method", "card")
                .containsEntry("connector", "simulator").containsEntry("connector_label", "default")
                .containsEntry("merchant_connector_id", "acc_" + merchantIdOf(key))
                .containsEntry("error_code", null).containsEntry("next_action", null).containsEntry("attempt_count", 1)
                .containsEntry("metadata", Map.of("order", "o_1", "n", "3"));
        assertThat(payment.get("connector_transaction_id")).isNotNull();
        assertThat(payment.get("created")).isNotNull();
        assertThat(payment.get("payment_method_data")).isEqualTo(Map.of("card", Map.of("card_network", "Visa",
                "card_isin", "424242", "last4", "4242", "last4_digits", "4242", "card_exp_month", "12",
                "card_exp_year", "2035", "card_holder_name", "Jo Doe")));
        assertThat(answer.body()).doesNotContain(VISA).doesNotContain("\"123\"");
        assertThat(answer.response().getContentType().orElseThrow().toString()).startsWith("application/json");
    }

    @Test
    void aMerchantSetUpThroughTheAdminApiTakesPayments() {
        String merchantId = "m_admin_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ok(post(ADMIN_KEY, "/accounts", "{\"merchant_id\":\"" + merchantId + "\",\"merchant_name\":\"Shop\"}"));
        String key = (String) ok(post(ADMIN_KEY, "/api_keys/" + merchantId, "{\"name\":\"backend\"}")).get("api_key");
        String account = (String) ok(post(ADMIN_KEY, "/account/" + merchantId + "/connectors",
                "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\","
                        + "\"connector_label\":\"sim_eu\"}")).get("merchant_connector_id");

        Map<String, Object> payment = confirmedPayment(key, 4200, "automatic");

        assertThat(payment).containsEntry("merchant_id", merchantId).containsEntry("status", "succeeded")
                .containsEntry("connector", "simulator").containsEntry("connector_label", "sim_eu")
                .containsEntry("merchant_connector_id", account);
    }

    @Test
    void aPaymentIsCreatedUpdatedThenConfirmed() {
        String key = merchant("m_update");

        Map<String, Object> created = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"EUR\"}"));
        String id = (String) created.get("payment_id");
        Map<String, Object> updated = ok(post(key, "/payments/" + id, "{\"amount\":1200,\"customer_id\":\"cus_9\","
                + "\"metadata\":{\"cart\":\"c_7\"},\"capture_method\":\"manual\"}"));
        Map<String, Object> confirmed = ok(post(key, "/payments/" + id + "/confirm", "{" + card("5555555555554444")
                + ",\"return_url\":\"https://shop.example/back\"}"));

        assertThat(created).containsEntry("status", "requires_payment_method").containsEntry("currency", "EUR")
                .containsEntry("connector", null).containsEntry("payment_method_data", null);
        assertThat(id).isNotBlank();
        assertThat(updated).containsEntry("amount", 1200).containsEntry("customer_id", "cus_9")
                .containsEntry("capture_method", "manual").containsEntry("metadata", Map.of("cart", "c_7"))
                .containsEntry("status", "requires_payment_method");
        assertThat(confirmed).containsEntry("status", "requires_capture").containsEntry("amount_capturable", 1200)
                .containsEntry("amount_received", 0);
        assertThat(((Map<?, ?>) ((Map<?, ?>) confirmed.get("payment_method_data")).get("card")).get("card_network"))
                .isEqualTo("Mastercard");
        assertThat(confirmed.get("capture_before")).isNotNull();
    }

    @Test
    void aFullFlowConfirmCaptureRefundAndTheLists() {
        String key = merchant("m_flow");

        Map<String, Object> authorized = confirmedPayment(key, 5000, "manual");
        String id = (String) authorized.get("payment_id");
        Map<String, Object> captured = ok(post(key, "/payments/" + id + "/capture", "{\"amount_to_capture\":4000}"));
        Map<String, Object> refund = ok(post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":1500,"
                + "\"refund_id\":\"ref_flow_1\",\"reason\":\"damaged\"}"));
        Map<String, Object> second = ok(post(key, "/refunds", "{\"payment_id\":\"" + id + "\"}"));
        Map<String, Object> fetched = ok(get(key, "/refunds/ref_flow_1"));
        Map<String, Object> payment = ok(get(key, "/payments/" + id));
        Map<String, Object> refunds = ok(post(key, "/refunds/list", "{\"payment_id\":\"" + id + "\"}"));
        Map<String, Object> payments = ok(get(key, "/payments/list"));

        assertThat(authorized).containsEntry("status", "requires_capture").containsEntry("amount_capturable", 5000);
        assertThat(captured).containsEntry("status", "partially_captured").containsEntry("amount_received", 4000)
                .containsEntry("amount_capturable", 0);
        assertThat(refund).containsEntry("refund_id", "ref_flow_1").containsEntry("payment_id", id)
                .containsEntry("amount", 1500).containsEntry("currency", "USD").containsEntry("status", "succeeded")
                .containsEntry("reason", "damaged").containsEntry("connector", "simulator")
                .containsEntry("error_code", null);
        assertThat(refund.get("created_at")).isNotNull();
        assertThat(refund.get("updated_at")).isNotNull();
        assertThat(second).containsEntry("amount", 2500).containsEntry("status", "succeeded");
        assertThat(fetched).isEqualTo(refund);
        assertThat((List<?>) payment.get("refunds")).hasSize(2);
        assertThat(refunds).containsEntry("count", 2).containsEntry("total_count", 2);
        assertThat(field(refunds, "amount")).containsExactlyInAnyOrder(1500, 2500);
        assertThat(payments).containsEntry("size", 1);
        assertThat(ids(payments)).containsExactly(id);
        assertThat(ok(post(key, "/refunds/list", "{}"))).containsEntry("count", 2).containsEntry("total_count", 2);
    }

    @Test
    void cancelBeforeAndAfterAuthorization() {
        String key = merchant("m_cancel");
        String unconfirmed = (String) ok(post(key, "/payments", "{\"amount\":100,\"currency\":\"USD\"}")).get("payment_id");
        String authorized = (String) confirmedPayment(key, 700, "manual").get("payment_id");

        Map<String, Object> first = ok(post(key, "/payments/" + unconfirmed + "/cancel",
                "{\"cancellation_reason\":\"requested_by_customer\"}"));
        Map<String, Object> second = ok(post(key, "/payments/" + authorized + "/cancel",
                "{\"cancellation_reason\":\"duplicate\"}"));

        assertThat(first).containsEntry("status", "cancelled").containsEntry("cancellation_reason", "requested_by_customer")
                .containsEntry("error_code", null);
        assertThat(second).containsEntry("status", "cancelled").containsEntry("cancellation_reason", "duplicate")
                .containsEntry("amount_capturable", 0);
    }

    @Test
    void cancelPostCaptureReversesACapturedPayment() {
        String key = merchant("m_reverse");
        String id = (String) confirmedPayment(key, 900, "automatic").get("payment_id");

        Map<String, Object> reversed = ok(post(key, "/payments/" + id + "/cancel_post_capture",
                "{\"cancellation_reason\":\"fraud\"}"));

        assertThat(reversed).containsEntry("status", "cancelled_post_capture")
                .containsEntry("cancellation_reason", "fraud");
    }

    @Test
    void incrementalAuthorizationRaisesTheAuthorizedTotal() {
        String key = merchant("m_increment");
        String id = (String) confirmedPayment(key, 1000, "manual").get("payment_id");

        Map<String, Object> raised = ok(post(key, "/payments/" + id + "/incremental_authorization",
                "{\"amount\":1500,\"reason\":\"minibar\"}"));

        assertThat(raised).containsEntry("status", "requires_capture").containsEntry("amount", 1500)
                .containsEntry("amount_capturable", 1500).containsEntry("incremental_authorization_allowed", true)
                .containsEntry("authorization_count", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> increment = (Map<String, Object>) ((List<?>) raised.get("incremental_authorizations"))
                .get(0);
        assertThat(increment.get("authorization_id")).isNotNull();
        assertThat(increment).containsEntry("amount", 1500).containsEntry("previously_authorized_amount", 1000)
                .containsEntry("status", "success").containsEntry("error_code", null).hasSize(6);
    }

    @Test
    void aThreeDsChallengeIsARedirectThenCompleteAuthorizeFinishesIt() {
        String key = merchant("m_3ds");

        Map<String, Object> challenged = ok(post(key, "/payments", "{\"amount\":2500,\"currency\":\"USD\","
                + "\"confirm\":true," + card("4000000000003063") + "}"));
        String id = (String) challenged.get("payment_id");
        Map<String, Object> completed = ok(post(key, "/payments/" + id + "/complete_authorize",
                "{\"client_secret\":\"" + challenged.get("client_secret")
                        + "\",\"redirect_response\":{\"param\":\"result=success\"}}"));

        assertThat(challenged).containsEntry("status", "requires_customer_action");
        Map<?, ?> next = (Map<?, ?>) challenged.get("next_action");
        assertThat(next.get("type")).isEqualTo("redirect_to_url");
        assertThat((String) next.get("redirect_to_url")).startsWith("https://acs.simulator.invalid/challenge/");
        assertThat(completed).containsEntry("status", "succeeded").containsEntry("next_action", null)
                .containsEntry("amount_received", 2500);
    }

    @Test
    void updateMetadataReplacesTheMetadataBeforeConfirm() {
        String key = merchant("m_metadata");
        String id = (String) ok(post(key, "/payments", "{\"amount\":100,\"currency\":\"USD\","
                + "\"metadata\":{\"a\":\"1\"}}")).get("payment_id");

        Map<String, Object> updated = ok(post(key, "/payments/" + id + "/update_metadata",
                "{\"metadata\":{\"b\":\"2\"}}"));

        assertThat(updated).isEqualTo(Map.of("payment_id", id, "metadata", Map.of("b", "2")));
        assertThat(ok(get(key, "/payments/" + id))).containsEntry("metadata", Map.of("b", "2"));
    }

    @Test
    void updateMetadataOnASucceededPaymentChangesTheMetadataOnly() {
        // given
        String key = merchant("m_meta_succeeded");
        Map<String, Object> before = confirmedPayment(key, 700, "automatic");
        String id = (String) before.get("payment_id");

        // when
        Map<String, Object> updated = ok(post(key, "/payments/" + id + "/update_metadata",
                "{\"metadata\":{\"shipped\":\"yes\"}}"));

        // then
        assertThat(updated).isEqualTo(Map.of("payment_id", id, "metadata", Map.of("shipped", "yes")));
        assertMetadataChangedOnly(key, before, Map.of("shipped", "yes"));
    }

    @Test
    void updateMetadataOnAPartiallyCapturedPaymentChangesTheMetadataOnly() {
        // given
        String key = merchant("m_meta_partial");
        String id = (String) confirmedPayment(key, 10_000, "manual").get("payment_id");
        ok(post(key, "/payments/" + id + "/capture", "{\"amount_to_capture\":4000}"));
        Map<String, Object> before = ok(get(key, "/payments/" + id));
        assertThat(before).containsEntry("status", "partially_captured");

        // when
        ok(post(key, "/payments/" + id + "/update_metadata", "{\"metadata\":{\"invoice\":\"inv_7\"}}"));

        // then
        assertMetadataChangedOnly(key, before, Map.of("invoice", "inv_7"));
    }

    private void assertMetadataChangedOnly(String key, Map<String, Object> before, Map<String, Object> metadata) {
        Map<String, Object> after = ok(get(key, "/payments/" + before.get("payment_id")));
        assertThat(after).containsEntry("metadata", metadata);
        for (String field : List.of("status", "amount", "amount_received", "amount_capturable", "net_amount")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
    }

    @Test
    void confirmWithoutACardOnAPaymentThatRequiresCaptureIsRefusedForItsStatus() {
        // given
        String key = merchant("m_confirm_status");
        String id = (String) confirmedPayment(key, 900, "manual").get("payment_id");

        // when
        Map<String, Object> error = error(post(key, "/payments/" + id + "/confirm", "{}"), 400);

        // then: the status error, not the missing payment_method_data
        assertThat(error).containsEntry("type", "invalid_request").containsEntry("code", "IR_16")
                .containsEntry("message", "You cannot confirm this payment because it has status requires_capture");
        assertThat(ok(get(key, "/payments/" + id))).containsEntry("status", "requires_capture");
    }

    @Test
    void forceSyncAsksTheConnectorAboutAPendingAuthorization() {
        String key = merchant("m_sync");
        Map<String, Object> pending = ok(post(key, "/payments", "{\"amount\":300,\"currency\":\"USD\","
                + "\"confirm\":true," + card("4000000000000200") + "}"));
        String id = (String) pending.get("payment_id");

        Map<String, Object> unsynced = ok(get(key, "/payments/" + id));
        Map<String, Object> synced = ok(get(key, "/payments/" + id + "?force_sync=true"));

        assertThat(pending).containsEntry("status", "processing");
        assertThat(unsynced).containsEntry("status", "processing");
        assertThat(synced).containsEntry("status", "succeeded");
    }

    @Test
    void aDeclineIsAFailedPaymentWithTheConnectorsCode() {
        String key = merchant("m_decline");

        Map<String, Object> declined = ok(post(key, "/payments", "{\"amount\":300,\"currency\":\"USD\","
                + "\"confirm\":true," + card("4000000000009995") + "}"));

        assertThat(declined).containsEntry("status", "failed").containsEntry("error_code", "insufficient_funds")
                .containsEntry("manual_retry_allowed", false);
        assertThat(declined.get("error_message")).isNotNull();
    }

    @Test
    void theListIsNewestFirstWithCursorsLimitsAndCreatedBounds() {
        String key = merchant("m_list");
        String first = (String) ok(post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\"}")).get("payment_id");
        String second = (String) ok(post(key, "/payments", "{\"amount\":2,\"currency\":\"USD\"}")).get("payment_id");
        String third = (String) ok(post(key, "/payments", "{\"amount\":3,\"currency\":\"USD\"}")).get("payment_id");

        Map<String, Object> page1 = ok(get(key, "/payments/list?limit=2"));
        Map<String, Object> page2 = ok(get(key, "/payments/list?limit=2&starting_after=" + second));
        Map<String, Object> future = ok(get(key, "/payments/list?created_gte=2999-01-01T00:00:00Z"));
        Map<String, Object> past = ok(get(key, "/payments/list?created.lt=2999-01-01T00:00:00%2B01:00"));

        assertThat(page1).containsEntry("size", 2);
        assertThat(ids(page1)).containsExactly(third, second);
        assertThat(ids(page2)).containsExactly(first);
        assertThat(future).isEqualTo(Map.of("size", 0, "data", List.of()));
        assertThat(ids(past)).containsExactly(third, second, first);
    }

    @Test
    void aRefundIsSyncedOnRequest() {
        String key = merchant("m_refund_sync");
        String id = (String) confirmedPayment(key, 800, "automatic").get("payment_id");
        ok(post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"refund_id\":\"ref_sync_1\",\"amount\":300}"));

        Map<String, Object> synced = ok(get(key, "/refunds/ref_sync_1?force_sync=true"));

        assertThat(synced).containsEntry("refund_id", "ref_sync_1").containsEntry("status", "succeeded")
                .containsEntry("amount", 300);
    }

    @Test
    void theRefundListFiltersAndPages() {
        String key = merchant("m_refund_list");
        String a = (String) confirmedPayment(key, 1000, "automatic").get("payment_id");
        String b = (String) confirmedPayment(key, 1000, "automatic").get("payment_id");
        for (int i = 0; i < 3; i++) {
            ok(post(key, "/refunds", "{\"payment_id\":\"" + a + "\",\"amount\":100}"));
        }
        ok(post(key, "/refunds", "{\"payment_id\":\"" + b + "\",\"amount\":250,\"refund_id\":\"ref_b\"}"));
        String profile = merchants.defaultProfileId(dev.tender.domain.payment.MerchantId.of(merchantIdOf(key)))
                .orElseThrow();

        Map<String, Object> paged = ok(post(key, "/refunds/list", "{\"limit\":2,\"offset\":1}"));
        Map<String, Object> ofA = ok(post(key, "/refunds/list", "{\"payment_id\":\"" + a + "\",\"limit\":100}"));
        Map<String, Object> one = ok(post(key, "/refunds/list", "{\"refund_id\":\"ref_b\"}"));
        Map<String, Object> failed = ok(post(key, "/refunds/list", "{\"refund_status\":[\"failed\"],"
                + "\"currency\":[\"USD\"],\"start_time\":\"2000-01-01T00:00:00Z\"}"));

        assertThat(paged).containsEntry("count", 2).containsEntry("total_count", 4);
        assertThat(ofA).containsEntry("count", 3).containsEntry("total_count", 3);
        assertThat(one).containsEntry("count", 1);
        assertThat(failed).containsEntry("count", 0).containsEntry("total_count", 0);
        assertThat(ok(post(key, "/refunds/list", "{\"amount_filter\":{\"start_amount\":200,\"end_amount\":250}}")))
                .containsEntry("total_count", 1);
        assertThat(ok(post(key, "/refunds/list", "{\"connector\":[\"simulator\"],\"merchant_connector_id\":[\"acc_"
                + merchantIdOf(key) + "\"],\"profile_id\":\"" + profile + "\"}"))).containsEntry("total_count", 4);
        assertThat(ok(post(key, "/refunds/list", "{\"connector\":[\"stripe\"]}"))).containsEntry("total_count", 0);
        assertThat(ok(post(key, "/refunds/list", "{\"merchant_connector_id\":[\"mca_other\"]}")))
                .containsEntry("total_count", 0);
        assertThat(ok(post(key, "/refunds/list", "{\"profile_id\":\"pro_other\"}"))).containsEntry("total_count", 0);
    }

    @Test
    void theCardNumberIsInNoResponse() {
        String key = merchant("m_pan");
        String id = (String) confirmedPayment(key, 1000, "manual").get("payment_id");

        List<Answer> answers = List.of(get(key, "/payments/" + id), get(key, "/payments/list"),
                post(key, "/payments/" + id + "/capture", "{}"),
                post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"confirm\":true," + card(VISA)
                        + ",\"unknown\":1}"),
                post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"confirm\":true,"
                        + "\"payment_method_data\":{\"card\":{\"card_number\":4242424242424242}}}"),
                post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"card\":" + VISA + "x}"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain(VISA));
    }

    @Test
    void theMetricsCountSavedPaymentsAndTimeConnectorCallsWithoutAKey() {
        String key = merchant("m_metrics");
        confirmedPayment(key, 1000, "automatic");

        Answer metrics = send(io.micronaut.http.HttpRequest.GET("/prometheus"));

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(error(get(key, "/metrics"), 404)).containsEntry("code", "IR_02");
        assertThat(metrics.body())
                .containsPattern("(?m)^tender_payments_saved_total\\{[^}]*status=\"succeeded\"[^}]*} [1-9]")
                .containsPattern("(?m)^tender_connector_calls_seconds_count\\{[^}]*connector=\"simulator\"[^}]*"
                        + "operation=\"authorize\"[^}]*outcome=\"approved\"[^}]*} [1-9]");
    }

    private static List<Object> ids(Map<String, Object> list) {
        return field(list, "payment_id");
    }

    private static List<Object> field(Map<String, Object> list, String name) {
        return ((List<?>) list.get("data")).stream().map(p -> (Object) ((Map<?, ?>) p).get(name)).toList();
    }
}
