package dev.tender.app.api;

import dev.tender.app.LogCapture;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A merchant's webhook password and hash key never reach the log, at DEBUG, whatever the request does. */
@MicronautTest(transactional = false)
class WebhookSecretsNeverLoggedTest extends ApiTestSupport {

    private static final String PASSWORD = "pw_LOGGED_NEVER_5521";
    private static final String HASH_KEY = "hk_LOGGED_NEVER_9034";

    @Test
    void noRequestPutsAWebhookSecretInTheLog() {
        // given
        String id = "m_hook_log_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String secrets = "\"payment_response_hash_key\":\"" + HASH_KEY + "\","
                + "\"webhook_details\":{\"webhook_password\":\"" + PASSWORD + "\",";

        // when: the secrets are set, changed, refused and read
        List<String> lines;
        try (LogCapture capture = LogCapture.everything()) {
            ok(admin("/accounts", "{\"merchant_id\":\"" + id + "\"," + secrets
                    + "\"webhook_url\":\"http://127.0.0.1:9/hook\"}}"));
            ok(admin("/accounts/" + id, "{\"merchant_id\":\"" + id + "\"," + secrets
                    + "\"webhook_url\":\"http://127.0.0.1:9/other\"}}"));
            error(admin("/accounts/" + id, "{\"merchant_id\":\"" + id + "\"," + secrets
                    + "\"webhook_url\":\"http://nowhere.invalid/\"}}"), 400);
            error(admin("/accounts", "{\"merchant_id\":\"" + id + "_x\"," + secrets
                    + "\"webhook_url\":\"https://u:" + PASSWORD + "@127.0.0.1/\",\"unknown\":1}}"), 400);
            assertThat(merchants.webhookTarget(MerchantId.of(id))).isPresent();
            lines = capture.lines();
        }

        // then
        String log = String.join("\n", lines);
        assertThat(lines).as("the requests were logged at DEBUG").isNotEmpty();
        assertThat(log).doesNotContain(PASSWORD).doesNotContain(HASH_KEY);
    }

    private Answer admin(String path, String body) {
        return send(HttpRequest.POST(path, body).contentType("application/json").header("api-key", ADMIN_KEY));
    }
}
