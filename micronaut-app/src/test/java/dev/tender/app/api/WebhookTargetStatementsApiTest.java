package dev.tender.app.api;

import dev.tender.app.storage.WebhookTarget;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code MerchantStore.webhookTarget}, which the delivery calls before each attempt, is one SQL statement,
 * counted by {@link CountingDriver} under the service's pool.
 */
@MicronautTest(transactional = false)
class WebhookTargetStatementsApiTest extends ApiTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("datasources.default.url", properties.get("datasources.default.url")
                .replaceFirst("^jdbc:", CountingDriver.PREFIX));
        properties.put("datasources.default.driver-class-name", CountingDriver.class.getName());
        return properties;
    }

    @Test
    void aMerchantsTargetIsReadInOneStatement() {
        // given
        String id = "m_hook_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ok(send(HttpRequest.POST("/accounts", "{\"merchant_id\":\"" + id + "\",\"webhook_details\":{"
                + "\"webhook_url\":\"http://127.0.0.1:9/hook\",\"webhook_username\":\"u\","
                + "\"webhook_password\":\"p\"}}").contentType("application/json").header("api-key", ADMIN_KEY)));

        // when
        long before = CountingDriver.statements();
        Optional<WebhookTarget> target = merchants.webhookTarget(MerchantId.of(id));
        long statements = CountingDriver.statements() - before;

        // then
        assertThat(target).isPresent();
        assertThat(target.get().password()).isEqualTo("p");
        assertThat(statements).isEqualTo(1);
    }
}
