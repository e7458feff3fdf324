package dev.tender.app.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers over real HTTP: created, read, updated, listed and deleted with Hyperswitch's bodies and errors,
 * each merchant's own; a payment's {@code customer_id} creates its customer, and a later one updates it.
 */
@MicronautTest(transactional = false)
class CustomersApiTest extends ApiTestSupport {

    static String newId() {
        return "cus_" + UUID.randomUUID().toString().substring(0, 8);
    }

    Answer delete(String key, String path) {
        return send(HttpRequest.DELETE(path).header("api-key", key));
    }

    @Test
    void aCustomerIsCreatedRetrievedAndUpdatedWithHyperswitchsFields() {
        // given
        String key = merchant("m_cus");
        String id = newId();

        // when
        Map<String, Object> created = ok(post(key, "/customers", "{\"customer_id\":\"" + id + "\",\"name\":\"Jo\","
                + "\"email\":\"jo@example.com\",\"phone\":\"5550100\",\"phone_country_code\":\"+1\","
                + "\"description\":\"first\",\"metadata\":{\"tier\":\"gold\"},\"address\":{\"city\":\"Paris\"},"
                + "\"tax_registration_id\":\"T1\"}"));
        Map<String, Object> updated = ok(post(key, "/customers/" + id, "{\"email\":\"new@example.com\"}"));
        Map<String, Object> read = ok(get(key, "/customers/" + id));

        // then
        assertThat(created).containsEntry("customer_id", id).containsEntry("name", "Jo")
                .containsEntry("email", "jo@example.com").containsEntry("phone", "5550100")
                .containsEntry("phone_country_code", "+1").containsEntry("description", "first")
                .containsEntry("metadata", Map.of("tier", "gold")).containsEntry("address", Map.of("city", "Paris"))
                .containsEntry("tax_registration_id", "T1").containsEntry("default_payment_method_id", null)
                .containsKey("created_at");
        assertThat(updated).containsEntry("email", "new@example.com").containsEntry("name", "Jo");
        assertThat(read).isEqualTo(updated);
    }

    @Test
    void withoutACustomerIdOneIsMadeAndATakenIdIsRefusedAsHyperswitchDoes() {
        // given
        String key = merchant("m_cus_gen");

        // when
        Map<String, Object> created = ok(post(key, "/customers", "{\"name\":\"Anon\"}"));
        String id = (String) created.get("customer_id");
        Map<String, Object> again = error(post(key, "/customers", "{\"customer_id\":\"" + id + "\"}"), 400);

        // then
        assertThat(id).startsWith("cus_");
        assertThat(again).containsEntry("code", "IR_12")
                .containsEntry("message", "Customer with the given `customer_id` already exists");
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsCreated() {
        // given
        String key = merchant("m_cus_bad");
        String id = newId();

        // when
        Map<String, Object> refused = error(post(key, "/customers", "{\"customer_id\":\"" + id + "\","
                + "\"email\":\"not-an-email\",\"name\":\"" + "n".repeat(256) + "\",\"colour\":\"red\","
                + "\"address\":\"Paris\"}"), 400);
        Map<String, Object> longId = error(post(key, "/customers", "{\"customer_id\":\"" + "c".repeat(65) + "\"}"),
                400);
        Map<String, Object> updateUnknown = error(post(key, "/customers/" + id, "{\"customer_id\":\"x\"}"), 400);

        // then
        assertThat((String) refused.get("message")).contains("email").contains("name").contains("colour")
                .contains("address");
        assertThat((String) longId.get("message")).contains("customer_id");
        assertThat((String) updateUnknown.get("message")).contains("customer_id");
        assertThat(error(get(key, "/customers/" + id), 404)).containsEntry("code", "HE_02");
    }

    @Test
    void anotherMerchantsCustomerIsNotFoundAnywhere() {
        // given
        String mine = merchant("m_cus_mine");
        String theirs = merchant("m_cus_theirs");
        String id = newId();
        ok(post(mine, "/customers", "{\"customer_id\":\"" + id + "\",\"name\":\"Jo\"}"));

        // when
        List<Map<String, Object>> errors = List.of(error(get(theirs, "/customers/" + id), 404),
                error(post(theirs, "/customers/" + id, "{\"name\":\"X\"}"), 404),
                error(delete(theirs, "/customers/" + id), 404));

        // then
        assertThat(errors).allSatisfy(e -> assertThat(e).containsEntry("code", "HE_02")
                .containsEntry("message", "Customer does not exist in our records"));
        assertThat(ok(get(mine, "/customers/" + id))).containsEntry("name", "Jo");
        assertThat(get(theirs, "/customers/list").body()).isEqualTo("[]");
    }

    @Test
    void aDeleteRedactsTheCustomerWhichIsThenNotFoundWhileItsPaymentsStayReadable() {
        // given
        String key = merchant("m_cus_del");
        String id = newId();
        Map<String, Object> payment = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"confirm\":true,\"customer_id\":\"" + id + "\",\"email\":\"jo@example.com\"," + card(VISA) + "}"));

        // when
        Map<String, Object> deleted = ok(delete(key, "/customers/" + id));

        // then
        assertThat(deleted).isEqualTo(Map.of("customer_id", id, "customer_deleted", true, "address_deleted", true,
                "payment_methods_deleted", true));
        assertThat(error(get(key, "/customers/" + id), 404)).containsEntry("code", "HE_02");
        assertThat(error(delete(key, "/customers/" + id), 404)).containsEntry("code", "HE_02");
        assertThat(error(post(key, "/customers/" + id, "{\"name\":\"Back\"}"), 404)).containsEntry("code", "HE_02");
        assertThat(ok(get(key, "/payments/" + payment.get("payment_id")))).containsEntry("status", "succeeded")
                .containsEntry("customer_id", id);
        assertThat(error(post(key, "/customers", "{\"customer_id\":\"" + id + "\"}"), 400))
                .containsEntry("code", "IR_12");
    }

    @Test
    void aPaymentsCustomerIdCreatesTheCustomerAndASecondPaymentUpdatesIt() {
        // given
        String key = merchant("m_cus_pay");
        String id = newId();

        // when a first payment names a new customer with the customer object
        ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true,\"customer_id\":\"" + id
                + "\",\"customer\":{\"id\":\"" + id + "\",\"name\":\"Jo\",\"email\":\"jo@example.com\"},"
                + card(VISA) + "}"));
        Map<String, Object> afterFirst = ok(get(key, "/customers/" + id));
        // and a second one gives a phone with the deprecated top-level fields
        ok(post(key, "/payments", "{\"amount\":500,\"currency\":\"USD\",\"confirm\":true,\"customer_id\":\"" + id
                + "\",\"phone\":\"5550100\",\"phone_country_code\":\"+33\"," + card(VISA) + "}"));
        Map<String, Object> afterSecond = ok(get(key, "/customers/" + id));

        // then
        assertThat(afterFirst).containsEntry("name", "Jo").containsEntry("email", "jo@example.com")
                .containsEntry("phone", null);
        assertThat(afterSecond).containsEntry("name", "Jo").containsEntry("email", "jo@example.com")
                .containsEntry("phone", "5550100").containsEntry("phone_country_code", "+33")
                .containsEntry("created_at", afterFirst.get("created_at"));
    }

    List<Map<String, Object>> list(Answer answer) throws java.io.IOException {
        assertThat(answer.status()).isEqualTo(200);
        return json.readValue(answer.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void theListPagesTheMerchantsCustomersOldestFirstWithLimitAndOffset() throws java.io.IOException {
        // given
        String key = merchant("m_cus_list");
        for (int i = 0; i < 3; i++) {
            ok(post(key, "/customers", "{\"customer_id\":\"c" + i + "\"}"));
        }

        // when
        Answer all = get(key, "/customers/list");
        Answer page = get(key, "/customers/list?limit=1&offset=1");
        Map<String, Object> badLimit = error(get(key, "/customers/list?limit=0&offset=-1"), 400);
        Map<String, Object> huge = error(get(key, "/customers/list?limit=99999999999999999999"), 400);

        // then
        assertThat(list(all)).extracting(c -> c.get("customer_id")).containsExactly("c0", "c1", "c2");
        assertThat(list(page)).extracting(c -> c.get("customer_id")).containsExactly("c1");
        assertThat((String) badLimit.get("message")).contains("limit").contains("offset");
        assertThat((String) huge.get("message")).contains("limit");
    }

    @Test
    void hostileInputIsRefusedWithA4xx() {
        // given
        String key = merchant("m_cus_hostile");

        // when
        Answer nul = post(key, "/customers", "{\"name\":\"a\\u0000b\"}");
        Answer surrogate = post(key, "/customers", "{\"name\":\"a\\ud800b\"}");
        Answer hugeAddress = post(key, "/customers", "{\"address\":{\"line1\":\"" + "x".repeat(20_000) + "\"}}");
        Answer longPathId = get(key, "/customers/" + "c".repeat(65));
        Answer noKey = send(HttpRequest.GET("/customers/list"));

        // then
        assertThat(List.of(nul, surrogate, hugeAddress, longPathId)).allSatisfy(a ->
                assertThat(a.status()).isEqualTo(400));
        assertThat(noKey.status()).isEqualTo(401);
    }
}
