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

    /**
     * Every endpoint of the payments, refunds and admin controllers is described with schemas: a request body
     * (when it reads one) and a 200 response that refer to components of the description, and Hyperswitch's
     * error body for a 4xx. An endpoint added without its annotations fails here.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDescriptionGivesEveryOperationItsRequestAndResponseSchemas() {
        Map<String, Object> spec = new org.yaml.snakeyaml.Yaml().load(
                client.toBlocking().retrieve(HttpRequest.GET("/swagger/tender-0.1.yml")));
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas");
        java.util.List<String> operations = new java.util.ArrayList<>();
        for (Class<?> controller : java.util.List.of(dev.tender.app.api.PaymentsController.class,
                dev.tender.app.api.RefundsController.class, dev.tender.app.admin.MerchantAccountsController.class,
                dev.tender.app.admin.ConnectorAccountsController.class, dev.tender.app.admin.ApiKeysController.class,
                dev.tender.app.api.MandatesController.class)) {
            String base = controller.getAnnotation(io.micronaut.http.annotation.Controller.class).value()
                    .replaceFirst("/$", "");
            for (java.lang.reflect.Method method : controller.getDeclaredMethods()) {
                String verb = null;
                String uri = null;
                if (method.isAnnotationPresent(io.micronaut.http.annotation.Get.class)) {
                    verb = "get";
                    uri = method.getAnnotation(io.micronaut.http.annotation.Get.class).value();
                } else if (method.isAnnotationPresent(io.micronaut.http.annotation.Post.class)) {
                    verb = "post";
                    uri = method.getAnnotation(io.micronaut.http.annotation.Post.class).value();
                } else if (method.isAnnotationPresent(io.micronaut.http.annotation.Delete.class)) {
                    verb = "delete";
                    uri = method.getAnnotation(io.micronaut.http.annotation.Delete.class).value();
                }
                if (verb == null) {
                    continue;
                }
                String path = base + ("/".equals(uri) ? "" : uri);
                String name = verb.toUpperCase(java.util.Locale.ROOT) + " " + path + " (" + controller.getSimpleName()
                        + "." + method.getName() + ")";
                operations.add(name);
                Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(verb);
                assertThat(operation).as(name).isNotNull();
                boolean readsBody = java.util.Arrays.stream(method.getParameters())
                        .anyMatch(p -> p.isAnnotationPresent(io.micronaut.http.annotation.Body.class));
                if (readsBody) {
                    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                    assertThat(body).as(name + " request body").isNotNull();
                    assertComponent(schemas, jsonSchema(body), name + " request body");
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                assertComponent(schemas, jsonSchema((Map<String, Object>) responses.get("200")), name + " 200");
                assertThat(jsonSchema((Map<String, Object>) responses.get("4XX"))).as(name + " 4XX")
                        .containsEntry("$ref", "#/components/schemas/ErrorResponse");
            }
        }
        assertThat(operations).hasSizeGreaterThanOrEqualTo(29);
        assertThat((Map<String, Object>) schemas.get("ErrorResponse")).containsKey("properties");
        // the payment's schema is Hyperswitch's, whole
        assertThat((Map<String, Object>) ((Map<String, Object>) schemas.get("PaymentsResponse")).get("properties"))
                .containsKeys("payment_id", "status", "amount_capturable", "next_action", "payment_method_data");
        // every reference of the description resolves
        java.util.Set<String> refs = new java.util.TreeSet<>();
        collectRefs(spec, refs);
        assertThat(refs).allSatisfy(ref -> assertThat(schemas).as(ref)
                .containsKey(ref.substring("#/components/schemas/".length())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonSchema(Map<String, Object> bodyOrResponse) {
        assertThat(bodyOrResponse).isNotNull();
        Map<String, Object> content = (Map<String, Object>) bodyOrResponse.get("content");
        return (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).get("schema");
    }

    private static void assertComponent(Map<String, Object> schemas, Map<String, Object> schema, String what) {
        assertThat(schema).as(what).containsOnlyKeys("$ref");
        String ref = (String) schema.get("$ref");
        assertThat(ref).as(what).startsWith("#/components/schemas/");
        assertThat(schemas).as(what + ": " + ref).containsKey(ref.substring("#/components/schemas/".length()));
    }

    @SuppressWarnings("unchecked")
    private static void collectRefs(Object node, java.util.Set<String> refs) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("$ref") instanceof String ref) {
                refs.add(ref);
            }
            map.values().forEach(value -> collectRefs(value, refs));
        } else if (node instanceof java.util.List<?> list) {
            list.forEach(value -> collectRefs(value, refs));
        }
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
