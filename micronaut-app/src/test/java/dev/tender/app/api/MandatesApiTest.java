package dev.tender.app.api;

import dev.tender.connector.simulator.TestCards;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mandates over real HTTP: set up with {@code POST /payments} ({@code setup_future_usage: off_session} and the
 * customer's acceptance), charged off session with {@code mandate_id} and no card, read with
 * {@code GET /mandates/{id}} and {@code GET /customers/{id}/mandates}, revoked with
 * {@code POST /mandates/revoke/{id}}; every refusal answers its code, names its fields and creates nothing.
 */
@MicronautTest(transactional = false)
class MandatesApiTest extends ApiTestSupport {

    static final String ACCEPTANCE = "\"customer_acceptance\":{\"acceptance_type\":\"online\","
            + "\"accepted_at\":\"2025-03-01T10:00:00Z\",\"online\":{\"ip_address\":\"203.0.113.7\","
            + "\"user_agent\":\"Mozilla/5.0\"}}";

    private ReferenceSpec spec;

    @BeforeAll
    void load() {
        spec = ReferenceSpec.load(json);
    }

    /** A setup with the card, for the customer, with the mandate_data given (none when null). */
    static String setup(long amount, String customer, String mandateData) {
        return "{\"amount\":" + amount + ",\"currency\":\"USD\",\"confirm\":true,\"customer_id\":\"" + customer
                + "\",\"setup_future_usage\":\"off_session\"," + ACCEPTANCE
                + (mandateData == null ? "" : ",\"mandate_data\":" + mandateData) + "," + card(VISA) + "}";
    }

    static String charge(String mandateId, long amount, String customer) {
        return "{\"amount\":" + amount + ",\"currency\":\"USD\",\"confirm\":true,\"off_session\":true,"
                + "\"customer_id\":\"" + customer + "\",\"mandate_id\":\"" + mandateId + "\"}";
    }

    @Test
    void aSingleUseMandateIsSetUpChargedOnceOffSessionWithoutACardAndThenRefused() {
        // given
        String key = merchant("m_single");
        String customer = "cus_" + UUID.randomUUID().toString().substring(0, 8);
        String single = "{\"mandate_type\":{\"single_use\":{\"amount\":5000,\"currency\":\"USD\","
                + "\"metadata\":{\"plan\":\"one-off\"}}}}";

        // when a payment of 10.00 also sets up a single-use mandate of at most 50.00
        Map<String, Object> setup = ok(post(key, "/payments", setup(1000, customer, single)));

        // then the payment succeeds and names its active mandate
        String mandateId = (String) setup.get("mandate_id");
        assertThat(setup).containsEntry("status", "succeeded").containsEntry("amount_received", 1000)
                .containsEntry("setup_future_usage", "off_session").containsEntry("customer_id", customer);
        assertThat(mandateId).startsWith("man_");
        assertThat((String) setup.get("connector_mandate_id")).startsWith("sim_mandate_");
        assertThat(setup.get("mandate_data")).isEqualTo(mapOf("update_mandate_id", null,
                "customer_acceptance", acceptance(),
                "mandate_type", mapOf("single_use", amountData(5000, Map.of("plan", "one-off")))));
        assertThat(status(key, mandateId)).isEqualTo("active");

        // when more than the mandate allows is charged, then it is refused and nothing is charged
        Map<String, Object> above = error(post(key, "/payments", charge(mandateId, 5001, customer)), 400);
        assertThat(above).containsEntry("code", "HE_03");
        assertThat((String) above.get("message")).contains("exceeds the mandate's limit");
        assertThat(status(key, mandateId)).isEqualTo("active");
        assertThat(paymentIds(key)).containsExactly(setup.get("payment_id"));

        // when the merchant charges 40.00 off session, without the card
        Map<String, Object> charged = ok(post(key, "/payments", charge(mandateId, 4000, customer)));

        // then it is charged with the card of the setup, and the mandate is used up
        assertThat(charged).containsEntry("status", "succeeded").containsEntry("amount_received", 4000)
                .containsEntry("mandate_id", mandateId).containsEntry("off_session", true)
                .containsEntry("customer_id", customer).containsEntry("payment_method", "card")
                .containsEntry("card_discovery", "saved_card")
                .containsEntry("connector_mandate_id", setup.get("connector_mandate_id"))
                .containsEntry("mandate_data", null);
        assertThat(cardOf(charged)).containsEntry("last4", "4242").containsEntry("card_network", "Visa");
        assertThat(status(key, mandateId)).isEqualTo("inactive");

        // when it is charged again, then that is refused: a single-use mandate is charged once
        Map<String, Object> again = error(post(key, "/payments", charge(mandateId, 100, customer)), 400);
        assertThat(again).containsEntry("code", "HE_03");
        assertThat((String) again.get("message")).contains("only an active mandate can be charged");
        assertThat(paymentIds(key)).containsExactlyInAnyOrder(setup.get("payment_id"), charged.get("payment_id"));
        assertThat(ok(get(key, "/payments/" + charged.get("payment_id")))).isEqualTo(charged);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMandateIsReadWithEveryFieldOfTheSchemaAndTheCardButNeverItsNumber() {
        // given
        String key = merchant("m_read");
        Map<String, Object> setup = ok(post(key, "/payments", setup(0, "cus_read", null)));
        String mandateId = (String) setup.get("mandate_id");

        // when
        Answer read = get(key, "/mandates/" + mandateId);

        // then
        Map<String, Object> mandate = ok(read);
        assertThat(List.copyOf(mandate.keySet())).isEqualTo(spec.fields("MandateResponse"));
        assertThat(mandate).containsEntry("mandate_id", mandateId).containsEntry("status", "active")
                .containsEntry("payment_method", "card").containsEntry("payment_method_id", mandateId)
                .containsEntry("payment_method_type", null).containsEntry("customer_acceptance", acceptance());
        Map<String, Object> card = (Map<String, Object>) mandate.get("card");
        assertThat(card.keySet()).containsExactlyInAnyOrderElementsOf(spec.fields("MandateCardDetails"));
        assertThat(card).containsEntry("last4_digits", "4242").containsEntry("card_exp_month", "12")
                .containsEntry("card_exp_year", "2035").containsEntry("card_holder_name", "Jo Doe")
                .containsEntry("card_isin", "424242").containsEntry("card_network", "Visa")
                .containsEntry("card_token", null).containsEntry("card_fingerprint", null);
        assertThat(read.body()).doesNotContain(VISA).doesNotContain("123\"");
    }

    @Test
    void aZeroAmountSetupMovesNoMoneyAndMakesAMultiUseMandateWithoutALimit() {
        // given
        String key = merchant("m_zero");

        // when
        Map<String, Object> setup = ok(post(key, "/payments", setup(0, "cus_zero", null)));

        // then
        assertThat(setup).containsEntry("status", "succeeded").containsEntry("amount", 0)
                .containsEntry("amount_received", 0);
        assertThat(setup.get("mandate_data")).isEqualTo(mapOf("update_mandate_id", null,
                "customer_acceptance", acceptance(), "mandate_type", mapOf("multi_use", null)));
        String mandateId = (String) setup.get("mandate_id");
        for (long amount : new long[]{1_999, 1_999, 250_000}) {
            assertThat(ok(post(key, "/payments", charge(mandateId, amount, "cus_zero"))))
                    .containsEntry("status", "succeeded").containsEntry("amount_received", (int) amount);
        }
        assertThat(status(key, mandateId)).isEqualTo("active");
    }

    @Test
    void aMultiUseMandateIsChargedUntilRevokedThenChargesAreRefusedAndTheRevocationIsFinal() {
        // given
        String key = merchant("m_revoke");
        String mandateId = (String) ok(post(key, "/payments", setup(0, "cus_rev",
                "{\"mandate_type\":{\"multi_use\":{\"amount\":3000,\"currency\":\"USD\"}}}"))).get("mandate_id");
        ok(post(key, "/payments", charge(mandateId, 3000, "cus_rev")));

        // when
        Answer revoked = post(key, "/mandates/revoke/" + mandateId, null);

        // then
        assertThat(ok(revoked)).isEqualTo(mapOf("mandate_id", mandateId, "status", "revoked", "error_code", null,
                "error_message", null));
        assertThat(List.copyOf(ok(revoked).keySet())).isEqualTo(spec.fields("MandateRevokedResponse"));
        int payments = paymentIds(key).size();
        Map<String, Object> refused = error(post(key, "/payments", charge(mandateId, 100, "cus_rev")), 400);
        assertThat(refused).containsEntry("code", "HE_03");
        assertThat((String) refused.get("message")).contains("is revoked");
        assertThat(paymentIds(key)).hasSize(payments);
        assertThat(status(key, mandateId)).isEqualTo("revoked");
        Map<String, Object> twice = error(post(key, "/mandates/revoke/" + mandateId, "{}"), 400);
        assertThat(twice).containsEntry("code", "HE_03");
        assertThat((String) twice.get("message")).contains("already revoked");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCustomersMandatesAreListedOldestFirstWithTheirStatuses() {
        // given an active multi-use mandate, a used single-use one and a revoked one, and another customer's
        String key = merchant("m_list");
        String active = mandateOf(key, "cus_list", null);
        String used = mandateOf(key, "cus_list", "{\"mandate_type\":{\"single_use\":{\"amount\":500,"
                + "\"currency\":\"USD\"}}}");
        ok(post(key, "/payments", charge(used, 500, "cus_list")));
        String revoked = mandateOf(key, "cus_list", null);
        ok(post(key, "/mandates/revoke/" + revoked, "{}"));
        String others = mandateOf(key, "cus_other", null);

        // when
        Answer list = get(key, "/customers/cus_list/mandates");

        // then
        assertThat(list.status()).isEqualTo(200);
        List<Map<String, Object>> mandates = (List<Map<String, Object>>) (Object) json(list);
        assertThat(mandates).extracting(m -> m.get("mandate_id") + " " + m.get("status"))
                .containsExactly(active + " active", used + " inactive", revoked + " revoked");
        assertThat(mandates.get(0)).isEqualTo(ok(get(key, "/mandates/" + active)));
        assertThat(list.body()).doesNotContain(others);
        assertThat(error(get(key, "/customers/cus_nobody/mandates"), 404))
                .isEqualTo(mapOf("type", "invalid_request", "code", "HE_02",
                        "message", "Mandate does not exist in our records"));
    }

    @Test
    void recurringDetailsNameTheMandateToChargeAsMandateIdDoesByItsIdOrItsPaymentMethodId() {
        // given
        String key = merchant("m_recurring");
        String mandateId = mandateOf(key, "cus_rd", null);
        String recurring = "\"recurring_details\":{\"type\":\"mandate_id\",\"data\":\"" + mandateId + "\"}";

        // when
        Map<String, Object> charged = ok(post(key, "/payments", "{\"amount\":700,\"currency\":\"USD\","
                + "\"confirm\":true,\"off_session\":true,\"customer_id\":\"cus_rd\"," + recurring + "}"));

        // then
        assertThat(charged).containsEntry("status", "succeeded").containsEntry("mandate_id", mandateId);
        String paymentMethodId = (String) ok(get(key, "/mandates/" + mandateId)).get("payment_method_id");
        assertThat(ok(post(key, "/payments", "{\"amount\":800,\"currency\":\"USD\",\"confirm\":true,"
                + "\"off_session\":true,\"customer_id\":\"cus_rd\",\"recurring_details\":{\"type\":"
                + "\"payment_method_id\",\"data\":\"" + paymentMethodId + "\"}}")))
                .containsEntry("status", "succeeded").containsEntry("mandate_id", mandateId);
        assertRefused(key, "{\"amount\":700,\"currency\":\"USD\",\"confirm\":true,\"off_session\":true,"
                + "\"customer_id\":\"cus_rd\",\"mandate_id\":\"" + mandateId + "\"," + recurring + "}", "IR_06",
                "recurring_details: cannot be sent with mandate_id: both name the mandate to charge");
        assertRefused(key, "{\"amount\":700,\"currency\":\"USD\",\"confirm\":true,\"off_session\":true,"
                + "\"customer_id\":\"cus_rd\",\"recurring_details\":{\"type\":\"processor_payment_token\","
                + "\"data\":{\"processor_payment_token\":\"tok_1\"}},\"capture_method\":\"later\"}", "IR_06",
                "recurring_details.type: must be mandate_id or payment_method_id (a mandate's): Tender keeps "
                + "mandates, not processor tokens or network transaction ids");
    }

    @Test
    void aDeclinedSetupMakesNoMandate() {
        // given
        String key = merchant("m_declined");

        // when
        Map<String, Object> setup = ok(post(key, "/payments", setup(1000, "cus_declined", null)
                .replace(VISA, TestCards.DECLINED)));

        // then
        assertThat(setup).containsEntry("status", "failed").containsEntry("mandate_id", null)
                .containsEntry("connector_mandate_id", null);
        assertThat(error(get(key, "/customers/cus_declined/mandates"), 404)).containsEntry("code", "HE_02");
    }

    @Test
    void aSetupIsRefusedNamingWhatIsMissingOrWrongAndCreatesNothing() {
        String key = merchant("m_setup_refusals");
        String base = "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true," + card(VISA);

        assertRefused(key, base + ",\"setup_future_usage\":\"off_session\",\"customer_id\":\"cus_1\"}", "IR_04",
                "Missing required param: customer_acceptance");
        assertRefused(key, base + ",\"setup_future_usage\":\"off_session\"," + ACCEPTANCE + "}", "IR_04",
                "Missing required param: customer_id");
        assertRefused(key, base + ",\"setup_future_usage\":\"off_session\"}", "IR_04",
                "Missing required param: customer_acceptance, customer_id");
        assertRefused(key, base + ",\"customer_id\":\"cus_1\"," + ACCEPTANCE + "}", "IR_04",
                "Missing required param: setup_future_usage");
        assertRefused(key, base + ",\"customer_id\":\"cus_1\",\"setup_future_usage\":\"on_session\","
                + "\"mandate_data\":{}," + ACCEPTANCE + "}", "IR_06",
                "setup_future_usage: must be off_session to set up a mandate");
        String setup = base + ",\"customer_id\":\"cus_1\",\"setup_future_usage\":\"off_session\",";
        assertRefused(key, setup + "\"customer_acceptance\":{\"acceptance_type\":\"online\"}}", "IR_04",
                "Missing required param: customer_acceptance.online");
        assertRefused(key, setup + "\"customer_acceptance\":{\"acceptance_type\":\"by_phone\",\"accepted_at\":"
                        + "\"yesterday\",\"online\":{\"ip_address\":\"not an ip\",\"user_agent\":\"\"}}}", "IR_06",
                "customer_acceptance.acceptance_type: must be online or offline; customer_acceptance.accepted_at: "
                        + "must be an ISO-8601 date-time, e.g. 2024-01-31T12:00:00Z; "
                        + "customer_acceptance.online.ip_address: must be an IPv4 or IPv6 address; "
                        + "customer_acceptance.online.user_agent: must not be blank");
        assertRefused(key, setup + "\"customer_acceptance\":{\"acceptance_type\":\"offline\",\"by\":\"x\"}}",
                "IR_06", "customer_acceptance.by: is not a known field");
        assertRefused(key, setup + ACCEPTANCE + ",\"mandate_data\":{\"mandate_type\":{\"single_use\":{\"amount\":"
                + "500,\"currency\":\"USD\",\"end_date\":\"2026-01-01T00:00:00Z\"}}}}", "IR_06",
                "mandate_data.mandate_type.single_use.end_date: is not supported: Tender does not enforce a "
                + "mandate's dates");
        assertRefused(key, setup + ACCEPTANCE + ",\"mandate_data\":{\"mandate_type\":{\"single_use\":{\"amount\":"
                + "0,\"currency\":\"USD\"}}}}", "IR_06", "mandate_data.mandate_type.single_use.amount: must be "
                + "greater than 0");
        assertRefused(key, setup + ACCEPTANCE + ",\"mandate_data\":{\"mandate_type\":{\"single_use\":{\"amount\":"
                + "500,\"currency\":\"EUR\"}}}}", "IR_06", "mandate amount limit must be in USD");
        assertRefused(key, setup + ACCEPTANCE + ",\"mandate_data\":{\"mandate_type\":{}}}", "IR_06",
                "mandate_data.mandate_type: must have one of single_use and multi_use");
        assertRefused(key, setup + ACCEPTANCE + ",\"off_session\":true}", "IR_06",
                "off_session: must not be true to set up a mandate: the customer is there to accept it");
        assertRefused(key, "{\"amount\":0,\"currency\":\"USD\"}", "IR_06",
                "amount must be greater than 0 (0 only to set up a mandate)");
        assertThat(paymentIds(key)).isEmpty();
    }

    @Test
    void aChargeIsRefusedNamingWhatIsMissingOrWrongAndChargesNothing() {
        // given
        String key = merchant("m_charge_refusals");
        String mandateId = mandateOf(key, "cus_owner", null);
        String id = "\"mandate_id\":\"" + mandateId + "\"";
        int payments = paymentIds(key).size();

        assertRefused(key, "{\"amount\":100,\"currency\":\"USD\",\"confirm\":true,\"off_session\":true," + id + "}",
                "IR_04", "Missing required param: customer_id");
        assertRefused(key, "{\"amount\":100,\"currency\":\"USD\"," + id + ",\"customer_id\":\"cus_owner\"}",
                "IR_04", "Missing required param: confirm, off_session");
        assertRefused(key, "{\"amount\":100,\"currency\":\"USD\",\"confirm\":\"yes\",\"off_session\":true,"
                + id + ",\"customer_id\":\"cus_owner\"}", "IR_06", "confirm: must be true or false");
        assertRefused(key, "{\"amount\":100,\"currency\":\"USD\",\"confirm\":false,\"off_session\":false,"
                + id + ",\"customer_id\":\"cus_owner\"}", "IR_06", "confirm: must be true to charge a mandate; "
                + "off_session: must be true to charge a mandate");
        assertRefused(key, charge(mandateId, 100, "cus_owner").replaceFirst("}$", "," + card(VISA) + "}"),
                "IR_06", "payment_method_data: must not be sent to charge a mandate: the mandate's payment method "
                        + "is charged");
        assertRefused(key, "{\"amount\":100,\"currency\":\"USD\",\"confirm\":true,\"off_session\":true,"
                + "\"customer_id\":\"cus_owner\"}", "IR_04", "Missing required param: mandate_id");
        assertRefused(key, charge(mandateId, 100, "cus_owner").replaceFirst("}$", ",\"setup_future_usage\":"
                + "\"off_session\"," + ACCEPTANCE + "}"), "IR_06", "setup_future_usage: cannot be sent with a "
                + "mandate to charge: a payment charges a mandate or sets one up; customer_acceptance: cannot be "
                + "sent with a mandate to charge: a payment charges a mandate or sets one up");
        Map<String, Object> otherCustomer = error(post(key, "/payments", charge(mandateId, 100, "cus_thief")), 400);
        assertThat(otherCustomer).containsEntry("code", "HE_03");
        assertThat((String) otherCustomer.get("message")).contains("belongs to another customer");
        assertThat(error(post(key, "/payments", charge("man_nowhere", 100, "cus_owner")), 404))
                .isEqualTo(mapOf("type", "invalid_request", "code", "HE_02",
                        "message", "Mandate does not exist in our records"));
        assertThat(paymentIds(key)).hasSize(payments);
        assertThat(status(key, mandateId)).isEqualTo("active");
    }

    @Test
    void anUpdateOrAConfirmCannotStartAMandateNamingTheField() {
        // given
        String key = merchant("m_after_create");
        String paymentId = (String) ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"customer_id\":\"cus_1\"}")).get("payment_id");

        // when, then
        assertRefusedAt(key, "/payments/" + paymentId, "{\"setup_future_usage\":\"off_session\"," + ACCEPTANCE
                + "}", "setup_future_usage: off_session is taken only by POST /payments", "customer_acceptance: "
                + "is taken only by POST /payments");
        assertRefusedAt(key, "/payments/" + paymentId + "/confirm", "{" + card(VISA)
                + ",\"off_session\":true,\"mandate_id\":\"man_1\",\"mandate_data\":{}}",
                "off_session: true is taken only by POST /payments", "mandate_id: is taken only by POST /payments",
                "mandate_data: is taken only by POST /payments");
        assertThat(ok(get(key, "/payments/" + paymentId))).containsEntry("status", "requires_payment_method");
        // on_session and off_session false are data, kept as before
        assertThat(ok(post(key, "/payments/" + paymentId + "/confirm", "{" + card(VISA)
                + ",\"setup_future_usage\":\"on_session\",\"off_session\":false}")))
                .containsEntry("status", "succeeded").containsEntry("setup_future_usage", "on_session")
                .containsEntry("off_session", false).containsEntry("mandate_id", null);
    }

    @Test
    void aSetupNotConfirmedAtOnceMakesItsMandateWhenConfirmed() {
        // given
        String key = merchant("m_later");
        Map<String, Object> created = ok(post(key, "/payments", setup(0, "cus_later", null)
                .replace("\"confirm\":true,", "").replace("," + card(VISA), "")));
        String paymentId = (String) created.get("payment_id");
        assertThat(created).containsEntry("status", "requires_payment_method").containsEntry("mandate_id", null);

        // when
        Map<String, Object> confirmed = ok(post(key, "/payments/" + paymentId + "/confirm", "{" + card(VISA) + "}"));

        // then
        assertThat(confirmed).containsEntry("status", "succeeded");
        assertThat(status(key, (String) confirmed.get("mandate_id"))).isEqualTo("active");
    }

    @Test
    void mandateIdsAreCheckedAndAnUnknownMandateIsNotFound() {
        String key = merchant("m_ids");

        assertThat(error(get(key, "/mandates/man_nowhere"), 404)).containsEntry("code", "HE_02");
        assertThat(error(post(key, "/mandates/revoke/man_nowhere", null), 404)).containsEntry("code", "HE_02");
        assertThat(error(get(key, "/mandates/man%20bad"), 400)).containsEntry("code", "IR_06");
        assertThat(error(post(key, "/mandates/revoke/man_nowhere", "{\"reason\":\"x\"}"), 400))
                .containsEntry("message", "reason: is not a known field");
    }

    // ---------------------------------------------------------------- helpers

    private String mandateOf(String key, String customer, String mandateData) {
        String id = (String) ok(post(key, "/payments", setup(0, customer, mandateData))).get("mandate_id");
        assertThat(id).as("the setup made a mandate").isNotNull();
        return id;
    }

    private String status(String key, String mandateId) {
        return (String) ok(get(key, "/mandates/" + mandateId)).get("status");
    }

    /** Refused with the code and exactly the message: every field error, and nothing else. */
    private void assertRefused(String key, String body, String code, String message) {
        Map<String, Object> error = error(post(key, "/payments", body), 400);
        assertThat(error.get("code")).as(error.toString()).isEqualTo(code);
        assertThat((String) error.get("message")).isEqualTo(message);
    }

    private void assertRefusedAt(String key, String path, String body, String... messages) {
        Map<String, Object> error = error(post(key, path, body), 400);
        assertThat(error.get("code")).as(error.toString()).isEqualTo("IR_06");
        assertThat((String) error.get("message")).contains(messages);
    }

    private List<Object> paymentIds(String key) {
        return ((List<?>) ok(get(key, "/payments/list?limit=100")).get("data")).stream()
                .map(p -> ((Map<?, ?>) p).get("payment_id")).map(Object.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cardOf(Map<String, Object> payment) {
        return (Map<String, Object>) ((Map<String, Object>) payment.get("payment_method_data")).get("card");
    }

    private Object json(Answer answer) {
        try {
            return json.readValue(answer.body(), Object.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, Object> acceptance() {
        return mapOf("acceptance_type", "online", "accepted_at", "2025-03-01T10:00:00Z",
                "online", mapOf("ip_address", "203.0.113.7", "user_agent", "Mozilla/5.0"));
    }

    static Map<String, Object> amountData(long amount, Map<String, Object> metadata) {
        return mapOf("amount", (int) amount, "currency", "USD", "start_date", null, "end_date", null,
                "metadata", metadata);
    }

    /** A map that may hold nulls, as JSON objects do. */
    static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
