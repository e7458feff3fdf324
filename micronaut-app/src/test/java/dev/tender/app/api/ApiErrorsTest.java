package dev.tender.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every class of error answers Hyperswitch's shape with its status and code, never a stack trace. */
@MicronautTest(transactional = false)
class ApiErrorsTest extends ApiTestSupport {

    String key;

    @BeforeAll
    void merchant() {
        key = merchant("m_errors");
    }

    private Map<String, Object> createFails(String body, int status, String code) {
        Map<String, Object> error = error(post(key, "/payments", body), status);
        assertThat(error).containsEntry("code", code).containsEntry("type", "invalid_request");
        return error;
    }

    @Test
    void malformedJsonIsIr06WithoutQuotingTheBody() {
        Map<String, Object> error = createFails("{\"amount\": 10, \"currency\": \"USD\", \"x\": 4242424242424242abc}",
                400, "IR_06");
        assertThat(error.get("message")).isEqualTo("Json deserialize error: the request body is not valid JSON");
        assertThat(createFails("[1,2]", 400, "IR_06").get("message").toString()).contains("JSON object");
        assertThat(createFails("{\"amount\":1", 400, "IR_06").get("message").toString()).contains("not valid JSON");
        assertThat(createFails("{\"amount\":1,\"currency\":\"USD\"} trailing", 400, "IR_06").get("message")
                .toString()).contains("not valid JSON");
        assertThat(createFails("{\"amount\":1,\"currency\":\"USD\"}{}", 400, "IR_06")).isNotNull();
        assertThat(createFails("{\"amount\":1,\"amount\":2,\"currency\":\"USD\"}", 400, "IR_06").get("message")
                .toString()).contains("amount: appears more than once");
        assertThat(createFails("null", 400, "IR_06").get("message").toString()).contains("JSON object");
    }

    @Test
    void unknownFieldsAreNamed() {
        Map<String, Object> error = createFails("{\"amount\":10,\"currency\":\"USD\",\"amout\":5,"
                + "\"payment_method_data\":{\"card\":{\"card_numbr\":\"1\"}}}", 400, "IR_06");
        assertThat((String) error.get("message")).contains("amout: is not a known field")
                .contains("payment_method_data.card.card_numbr: is not a known field");
    }

    @Test
    void wrongTypesAreNamed() {
        Map<String, Object> error = createFails("{\"amount\":\"10\",\"currency\":5,\"confirm\":\"yes\","
                + "\"metadata\":[1]}", 400, "IR_06");
        assertThat((String) error.get("message")).contains("amount: must be an integer")
                .contains("currency: must be a string").contains("confirm: must be true or false")
                .contains("metadata: must be an object");
    }

    @Test
    void missingRequiredFieldsAreIr04() {
        assertThat(createFails("{}", 400, "IR_04").get("message")).isEqualTo("Missing required param: amount, currency");
        assertThat(createFails("", 400, "IR_04").get("message")).isEqualTo("Missing required param: amount, currency");
        assertThat(createFails("{\"amount\":10}", 400, "IR_04").get("message")).isEqualTo("Missing required param: currency");
        assertThat(error(post(key, "/refunds", "{}"), 400)).containsEntry("code", "IR_04")
                .containsEntry("message", "Missing required param: payment_id");
        assertThat(createFails("{\"amount\":10,\"currency\":\"USD\",\"confirm\":true}", 400, "IR_04").get("message"))
                .isEqualTo("Missing required param: payment_method_data");
        assertThat((String) createFails("{\"amount\":10,\"currency\":\"USD\",\"confirm\":true,"
                + "\"payment_method_data\":{\"card\":{\"card_number\":\"4242424242424242\"}}}", 400, "IR_04")
                .get("message")).contains("payment_method_data.card.card_exp_month")
                .contains("payment_method_data.card.card_exp_year").contains("payment_method_data.card.card_cvc");
    }

    @Test
    void badAmountsAreRefused() {
        assertThat((String) createFails("{\"amount\":0,\"currency\":\"USD\"}", 400, "IR_06").get("message"))
                .contains("amount must be greater than 0");
        assertThat((String) createFails("{\"amount\":-5,\"currency\":\"USD\"}", 400, "IR_06").get("message"))
                .contains("amount").contains("negative");
        assertThat((String) createFails("{\"amount\":9223372036854775808,\"currency\":\"USD\"}", 400, "IR_06")
                .get("message")).startsWith("amount: must be between");
        assertThat((String) createFails("{\"amount\":12.5,\"currency\":\"USD\"}", 400, "IR_06").get("message"))
                .startsWith("amount: must be an integer");
        assertThat((String) createFails("{\"amount\":1e3,\"currency\":\"USD\"}", 400, "IR_06").get("message"))
                .startsWith("amount: must be an integer");
    }

    @Test
    void everyFieldErrorIsNamedAtOnce() {
        String message = (String) createFails("{\"amount\":100,\"currency\":\"XYZ\",\"capture_method\":\"later\","
                + "\"payment_id\":\"has space\",\"return_url\":\"not a url\",\"confirm\":true,"
                + "\"payment_method_data\":{\"card\":{\"card_number\":\"42\",\"card_exp_month\":\"13\","
                + "\"card_exp_year\":\"20\",\"card_cvc\":\"1\"}}}", 400, "IR_06").get("message");

        assertThat(message).contains("currency: unknown currency XYZ").contains("capture_method:")
                .contains("payment_id:").contains("return_url:")
                .contains("payment_method_data.card.card_number: must be 12 to 19 digits")
                .contains("payment_method_data.card.card_exp_month").contains("payment_method_data.card.card_cvc");
    }

    @Test
    void anExpiredCardAndAnotherPaymentMethodAreRefused() {
        assertThat((String) createFails("{\"amount\":100,\"currency\":\"USD\",\"confirm\":true,"
                + "\"payment_method_data\":{\"card\":{\"card_number\":\"4242424242424242\",\"card_exp_month\":\"1\","
                + "\"card_exp_year\":\"21\",\"card_cvc\":\"123\"}}}", 400, "IR_16").get("message"))
                .isEqualTo("Invalid Expiry Year");
        assertThat((String) createFails("{\"amount\":100,\"currency\":\"USD\",\"payment_method\":\"wallet\"}", 400,
                "IR_06").get("message")).contains("payment_method: must be card");
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"amount\":1,\"currency\":\"USD\",\"description\":\"" + "x".repeat(1_200_000) + "\"}";
        Map<String, Object> error = error(post(key, "/payments", big), 413);
        assertThat(error.get("code")).isEqualTo("IR_06");
    }

    @Test
    void badIdsAreIr06AndUnknownOnesHe02() {
        assertThat(error(get(key, "/payments/bad%20id"), 400)).containsEntry("code", "IR_06");
        assertThat(error(get(key, "/payments/" + "p".repeat(65)), 400)).containsEntry("code", "IR_06");
        assertThat(error(get(key, "/refunds/bad%20id"), 400)).containsEntry("code", "IR_06");
        assertThat(error(post(key, "/payments/bad%20id/capture", "{}"), 400)).containsEntry("code", "IR_06");
        assertThat(error(get(key, "/payments/pay_nobody"), 404)).containsEntry("code", "HE_02")
                .containsEntry("message", "Payment does not exist in our records");
        assertThat(error(get(key, "/refunds/ref_nobody"), 404)).containsEntry("code", "HE_02")
                .containsEntry("message", "Refund does not exist in our records");
        assertThat(error(post(key, "/payments/pay_nobody/capture", "{}"), 404)).containsEntry("code", "HE_02");
    }

    @Test
    void anOperationTheStatusDoesNotAllowIsIr14() {
        String id = (String) confirmedPayment(key, 1000, "automatic").get("payment_id");

        Map<String, Object> capture = error(post(key, "/payments/" + id + "/capture", "{}"), 400);
        Map<String, Object> cancel = error(post(key, "/payments/" + id + "/cancel", "{}"), 400);
        Map<String, Object> update = error(post(key, "/payments/" + id, "{\"amount\":5}"), 400);
        Map<String, Object> refund = error(post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":5000}"), 400);
        String unconfirmed = (String) ok(post(key, "/payments", "{\"amount\":100,\"currency\":\"USD\"}")).get("payment_id");
        Map<String, Object> early = error(post(key, "/refunds", "{\"payment_id\":\"" + unconfirmed + "\"}"), 400);

        assertThat(capture).containsEntry("code", "IR_14");
        assertThat((String) capture.get("message")).contains("succeeded");
        assertThat(cancel).containsEntry("code", "IR_14");
        assertThat(update).containsEntry("code", "IR_14");
        assertThat(refund).containsEntry("code", "IR_13");
        assertThat(early).containsEntry("code", "IR_14");
        assertThat((String) early.get("message")).contains("requires_payment_method");
    }

    @Test
    void aDuplicatePaymentOrRefundIdIsHe01() {
        ok(post(key, "/payments", "{\"amount\":100,\"currency\":\"USD\",\"payment_id\":\"pay_dup\"}"));
        assertThat(createFails("{\"amount\":100,\"currency\":\"USD\",\"payment_id\":\"pay_dup\"}", 400, "HE_01"))
                .isNotNull();
        String id = (String) confirmedPayment(key, 1000, "automatic").get("payment_id");
        ok(post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":10,\"refund_id\":\"ref_dup\"}"));
        assertThat(error(post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":10,\"refund_id\":\"ref_dup\"}"),
                400)).containsEntry("code", "HE_01");
    }

    @Test
    void otherRequestMistakesAreInTheShapeToo() {
        assertThat(error(get(key, "/payments/list?limit=0"), 400)).containsEntry("code", "IR_06");
        assertThat(error(get(key, "/payments/list?created_gte=yesterday"), 400)).containsEntry("code", "IR_06");
        assertThat(error(get(key, "/payments/list?customer_id=cus_1"), 400)).containsEntry("code", "IR_06");
        assertThat(error(get(key, "/payments/pay_x?force_sync=maybe"), 400)).containsEntry("code", "IR_06");
        assertThat(error(post(key, "/refunds/list", "{\"limit\":1000,\"refund_status\":[\"lost\"]}"), 400))
                .containsEntry("code", "IR_06");
        assertThat(error(post(key, "/payments/pay_x/incremental_authorization", "{}"), 400))
                .containsEntry("code", "IR_04");
        assertThat(error(post(key, "/payments/pay_x/update_metadata", "{}"), 400)).containsEntry("code", "IR_04");
        assertThat(error(post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\"}", "k".repeat(256)), 400))
                .containsEntry("code", "IR_06");
    }

    @Test
    void unknownRoutesAndMethodsAndMediaTypesAreInTheShape() {
        assertThat(error(get(key, "/nowhere"), 404)).containsEntry("code", "IR_02")
                .containsEntry("message", "Unrecognized request URL");
        assertThat(error(send(HttpRequest.DELETE("/payments/pay_1").header("api-key", key)), 405))
                .containsEntry("code", "IR_03");
        assertThat(error(send(HttpRequest.POST("/payments", "amount=1").contentType(MediaType.TEXT_PLAIN_TYPE)
                .header("api-key", key)), 415)).containsEntry("code", "IR_06");
        assertThat(error(send(HttpRequest.GET("/payments/list")), 401)).containsEntry("code", "IR_01");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500() {
        for (Answer answer : new Answer[]{get(key, "/test-fixture/boom"), post(key, "/test-fixture/boom", "{}"),
                post(key, "/test-fixture/boom", "{}", "boom-key")}) {
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.json(json)).isEqualTo(Map.of("error", Map.of("type", "api", "code", "HE_00",
                    "message", "Something went wrong")));
            assertThat(answer.body()).doesNotContain(FailingTestController.SECRET).doesNotContain("Exception");
        }
    }
}
