package dev.tender.app;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Merchants and API keys through the admin API, and the api-key authentication of every request. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAndAuthTest implements TestPropertyProvider {

    static final String ADMIN_KEY = "admin_test_key_0123456789";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return Map.of("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "datasources.default.username", "postgres", "datasources.default.password", "postgres",
                    "tender.admin-api-key", ADMIN_KEY);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpClientResponseException failing(HttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, String.class));
    }

    @Test
    void anAdminCreatesAMerchantAndAKeyThatIsShownOnceAndStoredHashed() {
        // when
        HttpResponse<Map> account = client.toBlocking().exchange(HttpRequest.POST("/accounts",
                Map.of("merchant_id", "merchant_admin_test", "merchant_name", "Shop")).header("api-key", ADMIN_KEY),
                Map.class);
        HttpResponse<Map> key = client.toBlocking().exchange(HttpRequest.POST("/api_keys/merchant_admin_test",
                Map.of("name", "backend")).header("api-key", ADMIN_KEY), Map.class);

        // then
        assertThat(account.code()).isEqualTo(200);
        assertThat(account.body()).containsEntry("merchant_id", "merchant_admin_test");
        assertThat((String) account.body().get("publishable_key")).startsWith("pk_snd_");
        String apiKey = (String) key.body().get("api_key");
        assertThat(apiKey).startsWith("snd_").hasSizeGreaterThan(40);
        HttpResponse<Map> fetched = client.toBlocking().exchange(HttpRequest.GET("/accounts/merchant_admin_test")
                .header("api-key", ADMIN_KEY), Map.class);
        assertThat(fetched.body()).doesNotContainKey("api_key");
        assertThat(failing(HttpRequest.POST("/accounts", Map.of("merchant_id", "merchant_admin_test"))
                .header("api-key", ADMIN_KEY)).code()).isEqualTo(400);
        assertThat(failing(HttpRequest.GET("/accounts/merchant_nobody").header("api-key", ADMIN_KEY)).code())
                .isEqualTo(404);
    }

    @Test
    void requestsWithoutAValidKeyAreRefusedWithIr01() {
        HttpClientResponseException none = failing(HttpRequest.GET("/payments/list"));
        HttpClientResponseException wrong = failing(HttpRequest.GET("/payments/list").header("api-key", "snd_nope"));
        HttpClientResponseException merchantOnAdmin = failing(HttpRequest.POST("/accounts", Map.of())
                .header("api-key", "snd_nope"));

        for (HttpClientResponseException refused : new HttpClientResponseException[]{none, wrong, merchantOnAdmin}) {
            assertThat(refused.code()).isEqualTo(401);
            assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("\"IR_01\"");
        }
    }

    @Test
    void theOpenApiDescriptionGeneratedFromTheControllersAndSwaggerUiNeedNoKey() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/swagger/tender-0.1.yml"));
        assertThat(spec).contains("/payments/{payment_id}/capture").contains("/refunds").contains("/accounts");
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class).code())
                .isEqualTo(200);
    }

    @Test
    void prometheusMetricsNeedNoKeyAndIncludeTendersOwn() {
        client.toBlocking().exchange(HttpRequest.POST("/accounts", Map.of("merchant_id", "merchant_metrics"))
                .header("api-key", ADMIN_KEY), Map.class);
        String metrics = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
        assertThat(metrics).contains("# HELP").contains("jvm_memory");
    }

    @Test
    void healthNeedsNoKey() {
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).code()).isEqualTo(200);
    }
}
