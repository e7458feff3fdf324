package dev.tender.app.api;

import dev.tender.app.EmbeddedDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code PaymentsRequest} properties Hyperswitch's schema marks deprecated or inferred, which its clients
 * still send: top-level customer fields fill the payment's {@code customer} as Hyperswitch's router does
 * (the {@code customer} object's values first, two different values refused as ambiguous), {@code merchant_id}
 * must be the key's, a top-level {@code card_cvc} is taken and never kept, and a field no property names is
 * still refused by its name.
 */
@MicronautTest(transactional = false)
class DeprecatedRequestFieldsApiTest extends ApiTestSupport {

    private String key;

    @BeforeAll
    void merchantOfTheTest() {
        key = merchant("m_deprecated");
    }

    @Test
    @SuppressWarnings("unchecked")
    void topLevelCustomerFieldsFillTheCustomer() {
        // when
        Map<String, Object> payment = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"customer_id\":\"cus_dep\",\"email\":\"jo@example.com\",\"name\":\"Jo Doe\","
                + "\"phone\":\"5551234\",\"phone_country_code\":\"+1\"}"));

        // then
        assertThat(payment).containsEntry("customer_id", "cus_dep").containsEntry("email", "jo@example.com")
                .containsEntry("name", "Jo Doe").containsEntry("phone", "5551234");
        assertThat((Map<String, Object>) payment.get("customer")).containsEntry("id", "cus_dep")
                .containsEntry("name", "Jo Doe").containsEntry("email", "jo@example.com")
                .containsEntry("phone", "5551234").containsEntry("phone_country_code", "+1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUpdateWithATopLevelFieldAddsItToTheCustomerThePaymentHas() {
        // given
        String id = (String) ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"customer\":{\"id\":\"cus_upd\",\"name\":\"Jo Doe\"}}")).get("payment_id");

        // when
        Map<String, Object> updated = ok(post(key, "/payments/" + id, "{\"email\":\"jo@example.com\"}"));

        // then
        assertThat((Map<String, Object>) updated.get("customer")).containsEntry("id", "cus_upd")
                .containsEntry("name", "Jo Doe").containsEntry("email", "jo@example.com");
        assertThat(ok(get(key, "/payments/" + id))).containsEntry("email", "jo@example.com")
                .containsEntry("name", "Jo Doe");
    }

    @Test
    void oneFieldSentInBothPlacesWithTwoValuesIsAmbiguous() {
        // when
        Map<String, Object> email = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"email\":\"a@example.com\",\"customer\":{\"id\":\"cus_amb\",\"email\":\"b@example.com\"}}"), 400);
        Map<String, Object> id = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"customer_id\":\"cus_one\",\"customer\":{\"id\":\"cus_two\"}}"), 400);
        Map<String, Object> same = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"email\":\"a@example.com\",\"customer\":{\"id\":\"cus_amb\",\"email\":\"a@example.com\"}}"));

        // then
        assertThat(email).containsEntry("code", "IR_16")
                .containsEntry("message", "The field name `email` sent in both places is ambiguous");
        assertThat(id).containsEntry("code", "IR_16")
                .containsEntry("message", "The field name `customer_id` sent in both places is ambiguous");
        assertThat(same).containsEntry("email", "a@example.com");
    }

    @Test
    void merchantIdMustBeTheKeysMerchant() {
        // when
        Map<String, Object> own = ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"merchant_id\":\"" + merchantIdOf(key) + "\"}"));
        Map<String, Object> other = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"merchant_id\":\"m_someone_else\"}"), 400);

        // then
        assertThat(own).containsEntry("merchant_id", merchantIdOf(key));
        assertThat(other).containsEntry("code", "IR_16")
                .containsEntry("message", "Invalid `merchant_id`: m_someone_else not found in merchant account");
    }

    @Test
    void aTopLevelCardCvcIsTakenAndNeverKept() throws SQLException {
        // when
        String id = (String) ok(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"card_cvc\":\"7391\",\"description\":\"kept\"}")).get("payment_id");

        // then the payment's stored request fields do not hold it
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             var statement = connection.prepareStatement("SELECT fields::text FROM kept_request_fields "
                     + "WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).contains("kept").doesNotContain("7391").doesNotContain("card_cvc");
            }
        }
    }

    @Test
    void aFieldNoPropertyNamesIsStillRefusedByItsName() {
        // when
        Map<String, Object> error = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"colour\":\"red\",\"email\":\"jo@example.com\"}"), 400);

        // then
        assertThat(error).containsEntry("code", "IR_06").containsEntry("message", "colour: is not a known field");
    }

    @Test
    void aCaptureOnThatIsNoTimeIsRefused() {
        // when
        Map<String, Object> error = error(post(key, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"capture_on\":\"tomorrow\"}"), 400);

        // then
        assertThat((String) error.get("message")).startsWith("capture_on: must be an ISO-8601 date-time");
    }
}
