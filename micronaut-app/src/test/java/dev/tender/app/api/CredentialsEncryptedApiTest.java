package dev.tender.app.api;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials given to the admin API are stored encrypted (under the tests' key, {@code test}) and are never
 * in clear in the database, while payments go through the account as before.
 */
@MicronautTest(transactional = false)
class CredentialsEncryptedApiTest extends ApiTestSupport {

    private static final String SECRET = "sk_test_ENCRYPTED_AT_REST_4242";
    private static final String NEW_SECRET = "sk_test_ROTATED_BY_MERCHANT_4343";

    @Test
    void credentialsCreatedAndUpdatedThroughTheAdminApiAreNeverStoredInClear() throws SQLException {
        // given
        String merchantId = "m_sealed_" + UUID.randomUUID().toString().substring(0, 8);
        ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + merchantId + "\",\"merchant_name\":\"Shop\"}"));

        // when
        String mca = (String) ok(admin("POST", "/account/" + merchantId + "/connectors", "{\"connector_type\":"
                + "\"payment_processor\",\"connector_name\":\"simulator\",\"connector_account_details\":"
                + "{\"auth_type\":\"HeaderKey\",\"api_key\":\"" + SECRET + "\"}}")).get("merchant_connector_id");
        String created = stored(mca);
        ok(admin("POST", "/account/" + merchantId + "/connectors/" + mca, "{\"connector_type\":"
                + "\"payment_processor\",\"status\":\"active\",\"connector_account_details\":"
                + "{\"auth_type\":\"HeaderKey\",\"api_key\":\"" + NEW_SECRET + "\"}}"));
        String updated = stored(mca);

        // then
        assertThat(created).startsWith("v1:test:").doesNotContain(SECRET).doesNotContain("api_key");
        assertThat(updated).startsWith("v1:test:").doesNotContain(NEW_SECRET).isNotEqualTo(created);
        assertThat(accounts.find(MerchantId.of(merchantId), mca).get().credentials()
                .require("api_key")).isEqualTo(NEW_SECRET);
        assertThat(ok(admin("GET", "/account/" + merchantId + "/connectors/" + mca, null)))
                .containsEntry("connector_account_details", Map.of("auth_type", "HeaderKey", "api_key", "********"));

        // and: a payment goes through the account
        String apiKey = (String) ok(admin("POST", "/api_keys/" + merchantId, "{\"name\":\"backend\"}")).get("api_key");
        Map<String, Object> payment = ok(post(apiKey, "/payments", "{\"amount\":1000,\"currency\":\"USD\","
                + "\"confirm\":true,\"capture_method\":\"automatic\"," + card(VISA) + "}"));
        assertThat(payment).containsEntry("status", "succeeded").containsEntry("merchant_connector_id", mca);
    }

    private Answer admin(String method, String path, String body) {
        return send(switch (method) {
            case "GET" -> HttpRequest.GET(path).header("api-key", ADMIN_KEY);
            case "POST" -> HttpRequest.POST(path, body).contentType("application/json").header("api-key", ADMIN_KEY);
            default -> throw new IllegalArgumentException(method);
        });
    }

    private static String stored(String accountId) throws SQLException {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement s = connection.prepareStatement(
                     "SELECT credentials FROM connector_accounts WHERE account_id = ?")) {
            s.setString(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("the account's row").isTrue();
                return r.getString(1);
            }
        }
    }
}
