package dev.tender.app.api;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.app.storage.CredentialsCipher;
import dev.tender.app.storage.WebhookTarget;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchant's webhook settings on the admin API ({@code webhook_details}, {@code payment_response_hash_key}):
 * kept, shown as Hyperswitch shows them but for the password (masked), the secrets sealed in the row, the URL
 * checked. The tests allow private targets ({@code application-test.yml}); {@link WebhookTargetPolicyApiTest}
 * does not.
 */
@MicronautTest(transactional = false)
class WebhookSettingsApiTest extends ApiTestSupport {

    private static final String PASSWORD = "pw_TOP_SECRET_hook_7731";
    private static final String HOOK = "http://127.0.0.1:9/hooks/tender";

    @Inject
    CredentialsCipher credentials;

    @Test
    void theSettingsAreKeptTheHashKeyGeneratedAndThePasswordNeverShown() throws SQLException {
        // given
        String id = newId("m_hook");

        // when
        Answer created = admin("POST", "/accounts", "{\"merchant_id\":\"" + id + "\",\"webhook_details\":{"
                + "\"webhook_version\":\"1.0.2\",\"webhook_username\":\"ekart_retail\",\"webhook_password\":\""
                + PASSWORD + "\",\"webhook_url\":\"" + HOOK + "\",\"payment_created_enabled\":true,"
                + "\"payment_succeeded_enabled\":true,\"payment_failed_enabled\":false,"
                + "\"payment_statuses_enabled\":[\"succeeded\",\"failed\",\"succeeded\"],"
                + "\"refund_statuses_enabled\":[\"success\",\"failed\"],\"payout_statuses_enabled\":[\"success\"]}}");

        // then
        Map<String, Object> account = ok(created);
        assertThat(map(account.get("webhook_details"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "webhook_version", "1.0.2", "webhook_username", "ekart_retail", "webhook_password", "********",
                "webhook_url", HOOK, "payment_created_enabled", true, "payment_succeeded_enabled", true,
                "payment_failed_enabled", false, "payment_statuses_enabled", List.of("succeeded", "failed"),
                "refund_statuses_enabled", List.of("succeeded", "failed"),
                "payout_statuses_enabled", List.of("success")));
        String hashKey = (String) account.get("payment_response_hash_key");
        assertThat(hashKey).matches("[A-Za-z0-9]{64}");
        assertThat(account).containsEntry("enable_payment_response_hash", true);
        assertThat(ok(admin("GET", "/accounts/" + id, null))).isEqualTo(account);
        assertThat(created.body()).doesNotContain(PASSWORD);
        assertThat(admin("GET", "/accounts/list", null).body()).doesNotContain(PASSWORD);
        String row = settingsOf(id);
        assertThat(row).doesNotContain(PASSWORD).doesNotContain(hashKey).contains("\"v1:test:");
        WebhookTarget target = merchants.webhookTarget(MerchantId.of(id)).orElseThrow();
        assertThat(target.url()).hasToString(HOOK);
        assertThat(target.username()).isEqualTo("ekart_retail");
        assertThat(target.password()).isEqualTo(PASSWORD);
        assertThat(target.hashKey()).isEqualTo(hashKey);
        assertThat(target.paymentStatusesEnabled()).isEqualTo(Set.of("succeeded", "failed"));
        assertThat(target.wantsPayment("failed")).isTrue();
        assertThat(target.wantsPayment("processing")).isFalse();
        assertThat(target.wantsRefund("succeeded")).isTrue();
        assertThat(target.toString()).doesNotContain(PASSWORD).doesNotContain(hashKey);
    }

    @Test
    void theHashKeyIsStableUntilReplacedAndTheDetailsChangeFieldByField() {
        // given
        String id = newId("m_hook");
        Map<String, Object> created = ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + id + "\","
                + "\"payment_response_hash_key\":\"merchant-chosen-key\",\"enable_payment_response_hash\":false,"
                + "\"webhook_details\":{\"webhook_url\":\"" + HOOK + "\",\"webhook_username\":\"u\","
                + "\"webhook_password\":\"" + PASSWORD + "\",\"payment_statuses_enabled\":[\"succeeded\"]}}"));

        // when
        Map<String, Object> renamed = ok(admin("POST", "/accounts/" + id, "{\"merchant_id\":\"" + id + "\","
                + "\"merchant_name\":\"Renamed\"}"));
        Map<String, Object> moved = ok(admin("POST", "/accounts/" + id, "{\"merchant_id\":\"" + id + "\","
                + "\"webhook_details\":{\"webhook_url\":\"http://127.0.0.1:10/other\","
                + "\"payment_statuses_enabled\":[]}}"));
        Map<String, Object> rekeyed = ok(admin("POST", "/accounts/" + id, "{\"merchant_id\":\"" + id + "\","
                + "\"payment_response_hash_key\":\"a-new-key\",\"enable_payment_response_hash\":true}"));

        // then
        assertThat(created).containsEntry("payment_response_hash_key", "merchant-chosen-key")
                .containsEntry("enable_payment_response_hash", false);
        assertThat(renamed).containsEntry("payment_response_hash_key", "merchant-chosen-key")
                .containsEntry("webhook_details", created.get("webhook_details"));
        assertThat(map(moved.get("webhook_details"))).containsEntry("webhook_url", "http://127.0.0.1:10/other")
                .containsEntry("webhook_username", "u").containsEntry("webhook_password", "********")
                .containsEntry("payment_statuses_enabled", List.of());
        assertThat(rekeyed).containsEntry("payment_response_hash_key", "a-new-key")
                .containsEntry("enable_payment_response_hash", true);
        assertThat(ok(admin("GET", "/accounts/" + id, null))).isEqualTo(rekeyed);
        WebhookTarget target = merchants.webhookTarget(MerchantId.of(id)).orElseThrow();
        assertThat(target.hashKey()).isEqualTo("a-new-key");
        assertThat(target.password()).isEqualTo(PASSWORD);
        assertThat(target.wantsPayment("processing")).isTrue(); // an empty list: every status
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"webhook_url\":\"www.ekart.com/webhooks\"} | webhook_details.webhook_url: must be an absolute http "
                    + "or https URL",
            "{\"webhook_url\":\"ftp://127.0.0.1/x\"} | webhook_details.webhook_url: must be an absolute http or "
                    + "https URL",
            "{\"webhook_url\":\"http://a b\"} | webhook_details.webhook_url: is not a valid URL",
            "{\"webhook_url\":\"https://nowhere.invalid/hook\"} | webhook_details.webhook_url: does not resolve: "
                    + "its host nowhere.invalid has no address",
            "{\"webhook_url\":\"http://127.0.0.1/%00\"} | webhook_details.webhook_url: must not contain control "
                    + "characters",
            "{\"webhook_url\":\"http://127.0.0.1/\\u0000\"} | webhook_details.webhook_url: must not contain NUL "
                    + "characters (\\u0000)",
            "{\"webhook_url\":\"http://127.0.0.1/\\r\\nX: 1\"} | webhook_details.webhook_url: must not contain "
                    + "control characters",
            "{\"webhook_url\":42} | webhook_details.webhook_url: must be a string",
            "{\"payment_statuses_enabled\":[\"paid\"]} | webhook_details.payment_statuses_enabled: must list only "
                    + "these statuses: cancelled, cancelled_post_capture, conflicted, expired, failed, "
                    + "partially_authorized_and_requires_capture, partially_captured, "
                    + "partially_captured_and_capturable, processing, requires_capture, requires_confirmation, "
                    + "requires_customer_action, requires_merchant_action, requires_payment_method, succeeded",
            "{\"refund_statuses_enabled\":[\"requires_capture\"]} | webhook_details.refund_statuses_enabled: must "
                    + "list only these statuses: failed, pending, review, succeeded",
            "{\"payout_statuses_enabled\":[\"succeeded\"]} | webhook_details.payout_statuses_enabled: must list "
                    + "only these statuses: cancelled, expired, failed, ineligible, initiated, pending, "
                    + "requires_confirmation, requires_creation, requires_fulfillment, requires_payout_method_data, "
                    + "requires_vendor_account_creation, reversed, success",
            "{\"payment_statuses_enabled\":\"succeeded\"} | webhook_details.payment_statuses_enabled: must be an "
                    + "array of strings",
            "{\"webhook_version\":\"" + "v" + "\",\"events\":[]} | webhook_details.events: is not a known field",
            "{\"payment_created_enabled\":\"yes\"} | webhook_details.payment_created_enabled: must be true or false"})
    void aBadWebhookDetailIsRefusedNamingItsFieldAtCreateAndUpdate(String details, String message) {
        // given
        String id = newId("m_hook");
        String existing = newId("m_hook_upd");
        ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + existing + "\"}"));

        // when
        Map<String, Object> atCreate = error(admin("POST", "/accounts", "{\"merchant_id\":\"" + id + "\","
                + "\"webhook_details\":" + details + "}"), 400);
        Map<String, Object> atUpdate = error(admin("POST", "/accounts/" + existing, "{\"merchant_id\":\""
                + existing + "\",\"webhook_details\":" + details + "}"), 400);

        // then
        assertThat(atCreate).containsEntry("code", "IR_06").containsEntry("message", message);
        assertThat(atUpdate).isEqualTo(atCreate);
        assertThat(admin("GET", "/accounts/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void aSecretIsNeverQuotedInAnError() {
        // given
        String id = newId("m_hook");

        // when
        Answer refused = admin("POST", "/accounts", "{\"merchant_id\":\"" + id + "\","
                + "\"payment_response_hash_key\":\"\",\"webhook_details\":{\"webhook_password\":\"" + PASSWORD
                + "x".repeat(250) + "\",\"webhook_url\":\"https://user:" + PASSWORD + "@127.0.0.1/\","
                + "\"webhook_username\":\"" + "u".repeat(256) + "\"}}");

        // then
        Map<String, Object> error = error(refused, 400);
        assertThat(error).containsEntry("code", "IR_06");
        assertThat(((String) error.get("message")).split("; ")).containsExactlyInAnyOrder(
                "webhook_details.webhook_password: must be at most 255 characters",
                "webhook_details.webhook_username: must be at most 255 characters",
                "webhook_details.webhook_url: must not carry a user name or password (use webhook_username and "
                        + "webhook_password)",
                "payment_response_hash_key: must be 1 to 255 characters");
        assertThat(refused.body()).doesNotContain(PASSWORD);
    }

    @Test
    void oneMerchantNeverSeesAnothersSettingsNorOpensTheirSecrets() throws SQLException {
        // given
        String shop = newId("m_hook");
        String other = newId("m_hook");
        Map<String, Object> shops = ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + shop + "\","
                + "\"webhook_details\":{\"webhook_url\":\"" + HOOK + "\",\"webhook_password\":\"" + PASSWORD
                + "\"}}"));
        Map<String, Object> others = ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + other + "\"}"));

        // when: the other merchant's row is given the shop's sealed secrets
        copySettings(shop, other);

        // then
        assertThat(others).containsEntry("webhook_details", null);
        assertThat(others.get("payment_response_hash_key")).isNotEqualTo(shops.get("payment_response_hash_key"));
        assertThat(ok(admin("GET", "/accounts/" + other, null)).get("payment_response_hash_key")).isNull();
        assertThat(merchants.webhookTarget(MerchantId.of(other))).isEmpty();
        assertThat(merchants.webhookTarget(MerchantId.of(shop))).isPresent();
        String sealedPassword = settingsOf(shop).replaceAll("(?s).*\"sealed_password\":\"([^\"]+)\".*", "$1");
        assertThat(credentials.open(sealedPassword, shop, "webhook_password").isLeft()).isTrue();
    }

    @Test
    void aMerchantWithoutAUrlOrDeletedHasNoTarget() {
        // given
        String none = newId("m_hook");
        String deleted = newId("m_hook");
        ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + none + "\",\"webhook_details\":{"
                + "\"webhook_username\":\"u\"}}"));
        ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + deleted + "\",\"webhook_details\":{"
                + "\"webhook_url\":\"" + HOOK + "\"}}"));

        // when
        ok(admin("DELETE", "/accounts/" + deleted, null));

        // then
        assertThat(merchants.webhookTarget(MerchantId.of(none))).isEmpty();
        assertThat(merchants.webhookTarget(MerchantId.of(deleted))).isEmpty();
        assertThat(merchants.webhookTarget(MerchantId.of("m_nowhere_" + none))).isEmpty();
    }

    private Answer admin(String method, String path, String body) {
        return send(switch (method) {
            case "GET" -> HttpRequest.GET(path).header("api-key", ADMIN_KEY);
            case "DELETE" -> HttpRequest.DELETE(path).header("api-key", ADMIN_KEY);
            case "POST" -> HttpRequest.POST(path, body).contentType("application/json").header("api-key", ADMIN_KEY);
            default -> throw new IllegalArgumentException(method);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The row as stored, read with SQL. */
    private static String settingsOf(String merchantId) throws SQLException {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT settings FROM merchants WHERE merchant_id = ?")) {
            query.setString(1, merchantId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static void copySettings(String from, String to) throws SQLException {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE merchants SET settings = "
                     + "(SELECT settings FROM merchants WHERE merchant_id = ?) WHERE merchant_id = ?")) {
            update.setString(1, from);
            update.setString(2, to);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
