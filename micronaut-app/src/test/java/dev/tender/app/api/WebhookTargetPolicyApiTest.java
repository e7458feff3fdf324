package dev.tender.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as deployed ({@code tender.webhooks.allow-private-targets} false, its default; a context of its
 * own): a webhook URL reaching what only the service can reach is refused at create and at update, naming the
 * field and why; a public address is taken.
 */
@MicronautTest(transactional = false)
class WebhookTargetPolicyApiTest extends ApiTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("tender.webhooks.allow-private-targets", "false");
        return properties;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080/hook | must not target a loopback address (127.0.0.1 is 127.0.0.1)",
            "http://localhost/hook | must not target a loopback address (localhost is 127.0.0.1)",
            "http://[::1]/hook | must not target a loopback address ([::1] is 0:0:0:0:0:0:0:1)",
            "http://10.0.0.8/hook | must not target a private address (10.0.0.8 is 10.0.0.8)",
            "http://192.168.0.10/hook | must not target a private address (192.168.0.10 is 192.168.0.10)",
            "http://169.254.169.254/latest/meta-data/ | must not target the cloud metadata address "
                    + "(169.254.169.254 is 169.254.169.254)",
            "http://[::ffff:169.254.169.254]/ | must not target the cloud metadata address "
                    + "([::ffff:169.254.169.254] is 169.254.169.254)"})
    void aTargetOnlyTheServiceCanReachIsRefused(String url, String why) {
        // given
        String id = newId("m_ssrf");
        String existing = newId("m_ssrf");
        ok(admin("{\"merchant_id\":\"" + existing + "\"}", "/accounts"));

        // when
        Map<String, Object> atCreate = error(admin("{\"merchant_id\":\"" + id + "\",\"webhook_details\":{"
                + "\"webhook_url\":\"" + url + "\"}}", "/accounts"), 400);
        Map<String, Object> atUpdate = error(admin("{\"merchant_id\":\"" + existing + "\",\"webhook_details\":{"
                + "\"webhook_url\":\"" + url + "\"}}", "/accounts/" + existing), 400);

        // then
        String message = "webhook_details.webhook_url: " + why + ": webhooks go to public addresses only";
        assertThat(atCreate).containsEntry("code", "IR_06").containsEntry("message", message);
        assertThat(atUpdate).containsEntry("code", "IR_06").containsEntry("message", message);
    }

    @Test
    void aPublicAddressIsTaken() {
        // given
        String id = newId("m_ssrf");

        // when
        Map<String, Object> created = ok(admin("{\"merchant_id\":\"" + id + "\",\"webhook_details\":{"
                + "\"webhook_url\":\"https://93.184.216.34/hooks\"}}", "/accounts"));

        // then
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) created.get("webhook_details");
        assertThat(details).containsEntry("webhook_url", "https://93.184.216.34/hooks");
    }

    private Answer admin(String body, String path) {
        return send(HttpRequest.POST(path, body).contentType("application/json").header("api-key", ADMIN_KEY));
    }

    private static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
