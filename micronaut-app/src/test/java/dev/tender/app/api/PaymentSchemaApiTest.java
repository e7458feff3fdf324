package dev.tender.app.api;

import dev.tender.app.http.RequestBinder;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hyperswitch's payment schemas, field by field against the reference spec: every field of the create,
 * update and confirm request schemas is accepted (each sent alone with a plausible value), the ones Tender
 * does not model come back in the response under the same name, and a response has every field of
 * {@code PaymentsResponse}, in its order, null when unknown.
 */
@MicronautTest(transactional = false)
class PaymentSchemaApiTest extends ApiTestSupport {

    /** Fields that set up or charge a mandate: a create takes them with the others they need, nothing else does. */
    private static final Set<String> MANDATE_FIELDS = Set.of("mandate_id", "mandate_data", "customer_acceptance",
            "recurring_details");
    /** Fields the response shows as Tender computes them, not as sent. */
    private static final Set<String> COMPUTED = Set.of("payment_id", "amount", "currency", "capture_method",
            "customer_id", "customer", "payment_method", "payment_method_data", "metadata", "client_secret",
            "merchant_id");

    private ReferenceSpec spec;
    private String key;
    /** A multi-use mandate of the schema's customer, for the fields that charge one. */
    private String mandateId;

    @BeforeAll
    void load() {
        spec = ReferenceSpec.load(json);
        key = merchant("m_schema");
        mandateId = (String) ok(post(key, "/payments", MandatesApiTest.setup(0, "cus_schema", null)))
                .get("mandate_id");
    }

    @Test
    void everyPropertyOfPaymentsRequestIsAcceptedByCreateAndTheOnesKeptAreEchoed() {
        List<String> problems = new ArrayList<>();
        for (String field : spec.fields("PaymentsRequest")) {
            String body = "{\"amount\":1000,\"currency\":\"USD\"" + (field.equals("amount") || field.equals("currency")
                    ? "" : ",\"" + field + "\":" + sample("PaymentsRequest", field)) + mandateContext(field) + "}";
            Answer answer = post(key, "/payments", body);
            if (MANDATE_FIELDS.contains(field) && answer.status() != 200) {
                problems.add("create " + field + ": " + answer.status() + " " + answer.body());
                continue;
            }
            check("create", field, answer, problems);
        }
        assertThat(problems).isEmpty();
    }

    /** The other fields a mandate field needs in a create: a setup's, or a charge's of {@link #mandateId}. */
    private static String mandateContext(String field) {
        return switch (field) {
            case "customer_acceptance" -> ",\"setup_future_usage\":\"off_session\",\"customer_id\":\"cus_schema\"";
            case "mandate_data" -> ",\"setup_future_usage\":\"off_session\",\"customer_id\":\"cus_schema\","
                    + MandatesApiTest.ACCEPTANCE;
            case "mandate_id", "recurring_details" -> ",\"confirm\":true,\"off_session\":true,"
                    + "\"customer_id\":\"cus_schema\"";
            default -> "";
        };
    }

    @Test
    void everyPropertyOfPaymentsRequestIsAcceptedByUpdateAndTheOnesKeptAreEchoed() {
        List<String> problems = new ArrayList<>();
        for (String field : spec.fields("PaymentsRequest")) {
            String id = created();
            String body = "{\"" + field + "\":" + sample("PaymentsRequest", field, id) + "}";
            check("update", field, post(key, "/payments/" + id, body), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPropertyOfPaymentsRequestIsAcceptedByConfirmAndTheOnesKeptAreEchoed() {
        List<String> problems = new ArrayList<>();
        for (String field : spec.fields("PaymentsRequest")) {
            String id = created();
            String body = "{" + card(VISA) + (field.equals("payment_method") || field.equals("payment_method_data")
                    ? "" : ",\"" + field + "\":" + sample("PaymentsRequest", field, id)) + "}";
            check("confirm", field, post(key, "/payments/" + id + "/confirm", body), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theTypedRequestHasEveryPropertyOfPaymentsRequestAndNoOther() {
        assertThat(RequestBinder.properties(PaymentsRequest.class))
                .containsExactlyInAnyOrderElementsOf(spec.fields("PaymentsRequest"));
    }

    /**
     * One request each carrying every property at once, as a client that fills its whole
     * {@code PaymentsRequest} sends it. Left out: of a create, the two that charge a mandate
     * ({@code mandate_id}, {@code recurring_details}: a payment sets one up or charges one, and this one sets
     * one up); of an update and a confirm, the four mandate fields they refuse by design.
     */
    @Test
    void oneRequestCarryingEveryPropertyIsAcceptedByCreateUpdateAndConfirm() {
        Set<String> charges = Set.of("mandate_id", "recurring_details");
        StringBuilder create = new StringBuilder("{\"setup_future_usage\":\"off_session\"");
        for (String field : spec.fields("PaymentsRequest")) {
            if (!charges.contains(field) && !field.equals("setup_future_usage")) {
                create.append(",\"").append(field).append("\":").append(together(field, null));
            }
        }
        Answer created = post(key, "/payments", create.append('}').toString());
        assertThat(created.status()).as(created.body()).isEqualTo(200);

        for (String path : List.of("", "/confirm")) {
            String id = created();
            StringBuilder body = new StringBuilder("{\"payment_id\":\"" + id + "\"");
            for (String field : spec.fields("PaymentsRequest")) {
                if (!MANDATE_FIELDS.contains(field) && !field.equals("payment_id")) {
                    body.append(",\"").append(field).append("\":").append(together(field, id));
                }
            }
            Answer answer = post(key, "/payments/" + id + path, body.append('}').toString());
            assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        }
    }

    /** A field's sample when all are sent together: the top-level name must agree with the customer's. */
    private String together(String field, String paymentId) {
        return field.equals("name") ? "\"Jo\"" : sample("PaymentsRequest", field, paymentId);
    }

    @Test
    void aResponseHasEveryFieldOfTheSchemaInItsOrderNullWhenUnknown() {
        Answer created = post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\"}");
        Map<String, Object> payment = ok(created);
        Map<String, Object> listed = firstOf(ok(get(key, "/payments/list?limit=1")));

        assertThat(List.copyOf(payment.keySet())).isEqualTo(spec.fields("PaymentsResponse"));
        assertThat(List.copyOf(listed.keySet())).isEqualTo(spec.fields("PaymentsResponse"));
        assertThat(payment).containsEntry("profile_id", defaultProfile()).containsEntry("billing", null)
                .containsEntry("shipping", null)
                .containsEntry("disputes", null).containsEntry("status", "requires_payment_method");
        for (String required : spec.required("PaymentsResponse")) {
            if (!required.equals("payment_method")) { // null until a payment method is given, as Hyperswitch does
                assertThat(payment.get(required)).as(required).isNotNull();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keptFieldsAreEchoedEverywhereAndAnUpdateReplacesOnlyWhatItSends() {
        String body = "{\"amount\":2000,\"currency\":\"EUR\",\"description\":\"two hats\","
                + "\"return_url\":\"https://shop.example/back?order=7\","
                + "\"billing\":{\"address\":{\"city\":\"Lyon\",\"country\":\"FR\"}},"
                + "\"shipping\":{\"address\":{\"city\":\"Paris\"}},\"browser_info\":{\"user_agent\":\"test\"},"
                + "\"statement_descriptor_name\":\"SHOP\",\"order_details\":[{\"product_name\":\"hat\",\"quantity\":2,"
                + "\"amount\":1000}],\"customer\":{\"id\":\"cus_77\",\"name\":\"Jo Doe\",\"email\":\"jo@example.com\"}}";

        Map<String, Object> created = ok(post(key, "/payments", body));
        String id = (String) created.get("payment_id");
        Map<String, Object> updated = ok(post(key, "/payments/" + id, "{\"description\":\"three hats\"}"));
        Map<String, Object> read = ok(get(key, "/payments/" + id));

        assertThat(created).containsEntry("description", "two hats")
                .containsEntry("return_url", "https://shop.example/back?order=7")
                .containsEntry("billing", Map.of("address", Map.of("city", "Lyon", "country", "FR")))
                .containsEntry("statement_descriptor_name", "SHOP").containsEntry("customer_id", "cus_77")
                .containsEntry("email", "jo@example.com").containsEntry("name", "Jo Doe")
                .containsEntry("order_details", List.of(Map.of("product_name", "hat", "quantity", 2, "amount", 1000)));
        assertThat((Map<String, Object>) created.get("customer")).containsEntry("id", "cus_77").containsEntry("name", "Jo Doe")
                .containsEntry("email", "jo@example.com").containsEntry("phone", null)
                .containsEntry("phone_country_code", null).hasSize(5);
        assertThat(updated).containsEntry("description", "three hats")
                .containsEntry("shipping", Map.of("address", Map.of("city", "Paris")))
                .containsEntry("browser_info", Map.of("user_agent", "test"));
        assertThat(read).isEqualTo(updated);
        assertThat(firstOf(ok(get(key, "/payments/list?limit=1")))).isEqualTo(read);
    }

    @Test
    void aProfileOfAnotherMerchantIsRefused() {
        String other = merchants.defaultProfileId(MerchantId.of(merchantIdOf(merchant("m_schema_other")))).orElseThrow();

        Map<String, Object> error = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"profile_id\":\"" + other + "\"}"), 400);

        assertThat(error.get("message")).isEqualTo("profile_id: is not a business profile of this merchant");
    }

    @Test
    void keptFieldsTenderReadsAreCheckedLikeTheOthers() {
        String id = created();
        String tooLong = "c".repeat(65);

        Map<String, Object> expiry = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"session_expiry\":100000000000000000}"), 400);
        Map<String, Object> negative = error(post(key, "/payments/" + id, "{\"session_expiry\":-1}"), 400);
        Map<String, Object> customer = error(post(key, "/payments/" + id, "{\"customer\":{\"id\":\"" + tooLong
                + "\"}}"), 400);
        Map<String, Object> keyExpiry = error(post(ADMIN_KEY, "/api_keys/" + merchantIdOf(key),
                "{\"name\":\"k\",\"expiration\":\"+999999999-12-31T23:59:59Z\"}"), 400);

        assertThat(expiry.get("message")).isEqualTo("session_expiry: must be from 0 to 7890000 seconds");
        assertThat(negative.get("message")).isEqualTo("session_expiry: must be from 0 to 7890000 seconds");
        assertThat(customer.get("message")).isEqualTo("customer.id: must be 1 to 64 characters");
        assertThat((String) keyExpiry.get("message")).startsWith("expiration: must be never or");
        assertThat(ok(get(key, "/payments/" + id))).containsEntry("customer_id", null);
    }

    @Test
    void aKeptFieldOfTheWrongKindIsRefusedNamingIt() {
        Map<String, Object> error = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"billing\":\"Lyon\",\"order_details\":{},\"payment_link\":\"yes\"}"), 400);

        assertThat(error).containsEntry("code", "IR_06");
        assertThat((String) error.get("message")).contains("billing: must be an object")
                .contains("order_details: must be an array").contains("payment_link: must be true or false");
    }

    @Test
    void idsHaveHyperswitchsFormAndTheClientSecretNamesThePaymentAndExpiresWithTheSession() {
        Map<String, Object> payment = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"session_expiry\":600}"));
        String id = (String) payment.get("payment_id");

        assertThat(id).as("Hyperswitch's form").matches("pay_[a-z0-9]{26}");
        assertThat((String) payment.get("client_secret")).startsWith(id + "_secret_").hasSize(id.length() + 8 + 24);
        assertThat(Duration.between(Instant.parse((String) payment.get("created")),
                Instant.parse((String) payment.get("expires_on")))).isEqualTo(Duration.ofSeconds(600));
        assertThat(ok(get(key, "/payments/" + id)).get("client_secret")).isEqualTo(payment.get("client_secret"));
        assertThat(error(post(key, "/payments/" + id + "/confirm", "{" + card(VISA) + ",\"client_secret\":\""
                + id + "_secret_0000\"}"), 400)).containsEntry("code", "IR_09");
        assertThat(ok(post(key, "/payments/" + id + "/confirm", "{" + card(VISA) + ",\"client_secret\":\""
                + payment.get("client_secret") + "\"}"))).containsEntry("status", "succeeded");
    }

    @Test
    void aConfirmCarryingChangesAppliesThemFirst() {
        String id = created();

        Map<String, Object> confirmed = ok(post(key, "/payments/" + id + "/confirm", "{" + card(VISA)
                + ",\"amount\":1500,\"capture_method\":\"manual\",\"metadata\":{\"step\":\"confirm\"}}"));

        assertThat(confirmed).containsEntry("status", "requires_capture").containsEntry("amount", 1500)
                .containsEntry("amount_capturable", 1500).containsEntry("metadata", Map.of("step", "confirm"));
    }

    @Test
    void anUpdateWithConfirmTrueConfirmsAfterTheChanges() {
        String id = created();

        Map<String, Object> confirmed = ok(post(key, "/payments/" + id, "{" + card(VISA)
                + ",\"amount\":1200,\"confirm\":true}"));

        assertThat(confirmed).containsEntry("status", "succeeded").containsEntry("amount_received", 1200);
    }

    @Test
    void aPartialCaptureAtCreationIsRefusedRatherThanIgnored() {
        Map<String, Object> error = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"amount_to_capture\":400}"), 400);

        assertThat((String) error.get("message")).startsWith("amount_to_capture: must equal amount");
    }

    @Test
    void everyFieldOfTheRefundSchemaIsAcceptedAndTheResponseHasEveryFieldOfItsSchema() {
        List<String> problems = new ArrayList<>();
        for (String field : spec.fields("RefundRequest")) {
            String paymentId = (String) confirmedPayment(key, 1000, "automatic").get("payment_id");
            Map<String, String> samples = Map.of("payment_id", "\"" + paymentId + "\"", "amount", "100",
                    "merchant_id", "\"" + merchantIdOf(key) + "\"", "metadata", "{\"k\":\"v\"}",
                    "refund_id", "\"ref_" + UUID.randomUUID().toString().substring(0, 8) + "\"");
            String value = samples.getOrDefault(field, sample("RefundRequest", field));
            String body = "{\"payment_id\":\"" + paymentId + "\"" + (field.equals("payment_id") ? ""
                    : ",\"" + field + "\":" + value) + "}";
            Answer answer = post(key, "/refunds", body);
            if (answer.status() != 200) {
                problems.add("refund " + field + ": " + answer.status() + " " + answer.body());
            } else if (!List.copyOf(answer.json(json).keySet()).equals(spec.fields("RefundResponse"))) {
                problems.add("refund " + field + ": fields " + answer.json(json).keySet());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefundsMetadataAndSplitAreEchoedWhereverTheRefundIsShown() {
        String paymentId = (String) confirmedPayment(key, 1000, "automatic").get("payment_id");

        Map<String, Object> refund = ok(post(key, "/refunds", "{\"payment_id\":\"" + paymentId + "\",\"amount\":300,"
                + "\"metadata\":{\"rma\":\"R-9\"},\"split_refunds\":{\"stripe_split_refund\":{}},"
                + "\"refund_type\":\"instant\"}"));
        String refundId = (String) refund.get("refund_id");
        Map<String, Object> inPayment = (Map<String, Object>) ((List<?>) ok(get(key, "/payments/" + paymentId))
                .get("refunds")).get(0);
        Map<String, Object> listed = firstOf(ok(post(key, "/refunds/list", "{\"refund_id\":\"" + refundId + "\"}")));

        assertThat(refund).containsEntry("metadata", Map.of("rma", "R-9"))
                .containsEntry("split_refunds", Map.of("stripe_split_refund", Map.of()));
        assertThat(ok(get(key, "/refunds/" + refundId))).isEqualTo(refund);
        assertThat(inPayment).isEqualTo(refund);
        assertThat(listed).isEqualTo(refund);
        assertThat(error(post(key, "/refunds", "{\"payment_id\":\"" + paymentId + "\",\"merchant_id\":\"other\"}"),
                400).get("message")).isEqualTo("merchant_id: must be the merchant of the API key");
    }

    @Test
    void everyFieldOfTheOperationsRequestSchemasIsKnown() {
        Map<String, String> paths = Map.of("PaymentsCaptureRequest", "/capture", "PaymentsCancelRequest", "/cancel",
                "PaymentsCancelPostCaptureRequest", "/cancel_post_capture",
                "PaymentsIncrementalAuthorizationRequest", "/incremental_authorization",
                "PaymentsCompleteAuthorizeRequest", "/complete_authorize", "PaymentsUpdateMetadataRequest",
                "/update_metadata", "RefundListRequest", "");
        List<String> problems = new ArrayList<>();
        paths.forEach((schema, path) -> {
            for (String field : spec.fields(schema)) {
                String id = created();
                String url = schema.equals("RefundListRequest") ? "/refunds/list" : "/payments/" + id + path;
                String value = field.equals("client_secret") || field.equals("merchant_id")
                        ? sample("PaymentsConfirmRequest", field.equals("merchant_id") ? "customer_id" : field, id)
                        : sample(schema, field);
                Answer answer = post(key, url, "{\"" + field + "\":" + value + "}");
                if (answer.status() >= 500 || answer.body().contains(field + ": is not a known field")) {
                    problems.add(schema + " " + field + ": " + answer.status() + " " + answer.body());
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theAdminResponsesHaveEveryFieldOfTheirSchemas() {
        String merchantId = "m_schema_admin_" + UUID.randomUUID().toString().substring(0, 8);

        Map<String, Object> account = ok(post(ADMIN_KEY, "/accounts", "{\"merchant_id\":\"" + merchantId + "\"}"));
        Map<String, Object> key = ok(post(ADMIN_KEY, "/api_keys/" + merchantId, "{\"name\":\"backend\"}"));
        Map<String, Object> keyRead = ok(get(ADMIN_KEY, "/api_keys/" + merchantId + "/" + key.get("key_id")));
        Map<String, Object> connector = ok(post(ADMIN_KEY, "/account/" + merchantId + "/connectors",
                "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\"}"));

        assertThat(account.keySet()).containsAll(spec.fields("MerchantAccountResponse"));
        assertThat(key.keySet()).containsAll(spec.fields("CreateApiKeyResponse"));
        assertThat(keyRead.keySet()).containsAll(spec.fields("RetrieveApiKeyResponse"));
        assertThat(connector.keySet()).containsAll(spec.fields("MerchantConnectorResponse"));
    }

    /**
     * A 200 whose response echoes a kept field; after a create, a mandate field refused by name; anything else
     * a problem.
     */
    private void check(String endpoint, String field, Answer answer, List<String> problems) {
        if (MANDATE_FIELDS.contains(field) && !endpoint.equals("create")) {
            if (answer.status() != 400 || !answer.body().contains(field + ": is taken only by POST /payments")) {
                problems.add(endpoint + " " + field + ": " + answer.status() + " " + answer.body());
            }
            return;
        }
        if (answer.status() != 200) {
            problems.add(endpoint + " " + field + ": " + answer.status() + " " + answer.body());
            return;
        }
        Map<String, Object> payment = answer.json(json);
        if (PaymentsResponse.FIELDS.contains(field) && !COMPUTED.contains(field)
                && !PaymentsRequest.NOT_ECHOED.contains(field) && payment.get(field) == null) {
            problems.add(endpoint + " " + field + ": not echoed");
        }
    }

    private String defaultProfile() {
        return merchants.defaultProfileId(MerchantId.of(merchantIdOf(key))).orElseThrow();
    }

    private String created() {
        return (String) ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\"}")).get("payment_id");
    }

    private String sample(String schema, String field) {
        return sample(schema, field, null);
    }

    /** A plausible JSON value for the field (the payment id, when known, for fields that must name it). */
    private String sample(String schema, String field, String paymentId) {
        Map<String, Function<String, String>> special = Map.ofEntries(
                Map.entry("amount", id -> "1000"), Map.entry("amount_to_capture", id -> "1000"),
                Map.entry("currency", id -> "\"USD\""), Map.entry("confirm", id -> "false"),
                Map.entry("payment_id", id -> "\"" + (id != null ? id : "pay_schema_" + UUID.randomUUID()
                        .toString().substring(0, 8)) + "\""),
                Map.entry("customer_id", id -> "\"cus_schema\""),
                Map.entry("customer", id -> "{\"id\":\"cus_schema\",\"name\":\"Jo\"}"),
                Map.entry("return_url", id -> "\"https://shop.example/return\""),
                Map.entry("payment_method", id -> "\"card\""),
                Map.entry("payment_method_data", id -> "{\"card\":{\"card_number\":\"" + VISA + "\","
                        + "\"card_exp_month\":\"12\",\"card_exp_year\":\"2035\",\"card_cvc\":\"123\"}}"),
                Map.entry("metadata", id -> "{\"k\":\"v\"}"), Map.entry("session_expiry", id -> "900"),
                Map.entry("setup_future_usage", id -> "\"on_session\""), Map.entry("off_session", id -> "false"),
                Map.entry("customer_acceptance", id -> MandatesApiTest.ACCEPTANCE.substring(
                        "\"customer_acceptance\":".length())),
                Map.entry("mandate_data", id -> "{\"mandate_type\":{\"multi_use\":{\"amount\":1000,"
                        + "\"currency\":\"USD\"}}}"),
                Map.entry("mandate_id", id -> "\"" + mandateId + "\""),
                Map.entry("recurring_details", id -> "{\"type\":\"mandate_id\",\"data\":\"" + mandateId + "\"}"),
                Map.entry("client_secret", id -> id == null ? "\"pay_none_secret_none\""
                        : "\"" + ok(get(key, "/payments/" + id)).get("client_secret") + "\""),
                Map.entry("capture_method", id -> "\"manual\""),
                Map.entry("profile_id", id -> "\"" + defaultProfile() + "\""),
                Map.entry("merchant_id", id -> "\"" + merchantIdOf(key) + "\""),
                Map.entry("capture_on", id -> "\"2030-01-31T12:00:00Z\""),
                Map.entry("routing", id -> "{\"type\":\"single\",\"data\":{\"connector\":\"simulator\"}}"));
        if (special.containsKey(field)) {
            return special.get(field).apply(paymentId);
        }
        return spec.firstEnumValue(schema, field).map(v -> "\"" + v + "\"").orElseGet(() ->
                switch (spec.type(schema, field)) {
                    case "string" -> "\"schema test\"";
                    case "integer", "number" -> "1";
                    case "boolean" -> "true";
                    case "array" -> "[]";
                    default -> "{}";
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstOf(Map<String, Object> list) {
        return (Map<String, Object>) ((List<?>) list.get("data")).get(0);
    }
}
