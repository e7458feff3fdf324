package dev.tender.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The api-key filter decides by the {@code @Access} of the route the router matched (a method's over its
 * controller's), and a request matched to no route needs a key every route of its path would take.
 */
@MicronautTest(transactional = false)
class AccessApiTest extends ApiTestSupport {

    String key;
    String merchantId;
    String publishable;

    @BeforeAll
    void merchant() {
        key = merchant("access");
        merchantId = merchantIdOf(key);
        publishable = merchants.find(merchantId).orElseThrow().publishableKey();
    }

    @Test
    void theControllersAccessHoldsForAMethodWithoutItsOwn() {
        // when
        Answer asAdmin = get(ADMIN_KEY, "/test-fixture/access/admin");
        Answer asMerchant = get(key, "/test-fixture/access/admin");
        Answer withoutKey = send(HttpRequest.GET("/test-fixture/access/admin"));

        // then
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(error(asMerchant, 401)).containsEntry("code", "IR_01");
        assertThat(error(withoutKey, 401)).containsEntry("code", "IR_01");
    }

    @Test
    void aMethodsAccessWinsOverItsControllers() {
        // when
        Answer open = send(HttpRequest.GET("/test-fixture/access/public"));
        Answer asClient = get(publishable, "/test-fixture/access/client");
        Answer asServer = get(key, "/test-fixture/access/client");
        Answer asAdmin = get(ADMIN_KEY, "/test-fixture/access/client");

        // then
        assertThat(open.status()).isEqualTo(200);
        assertThat(asClient.body()).isEqualTo(merchantId + " client");
        assertThat(asServer.body()).isEqualTo(merchantId + " server");
        assertThat(error(asAdmin, 401)).containsEntry("code", "IR_01");
    }

    @Test
    void aMethodThePathDoesNotHaveNeedsAKeyEveryRouteOfThePathTakes() {
        // when: GET /payments/{id} takes a publishable key, POST /payments/{id} does not
        Answer asMerchant = send(HttpRequest.DELETE("/payments/pay_access").header("api-key", key));
        Answer asClient = send(HttpRequest.DELETE("/payments/pay_access").header("api-key", publishable));
        Answer onAdminPath = send(HttpRequest.DELETE("/accounts").header("api-key", key));
        Answer onAdminPathAsAdmin = send(HttpRequest.DELETE("/accounts").header("api-key", ADMIN_KEY));
        Answer onPublicPath = send(HttpRequest.PUT("/test-fixture/access/public", "{}"));

        // then
        assertThat(error(asMerchant, 405)).containsEntry("code", "IR_03");
        assertThat(error(asClient, 401)).containsEntry("code", "IR_01");
        assertThat(error(onAdminPath, 401)).containsEntry("code", "IR_01");
        assertThat(error(onAdminPathAsAdmin, 405)).containsEntry("code", "IR_03");
        assertThat(error(onPublicPath, 405)).containsEntry("code", "IR_03");
    }

    @Test
    void aPathOfNoRouteNeedsASecretKeyTheAdminsOrAMerchants() {
        // when
        Answer asMerchant = get(key, "/nowhere/at/all");
        Answer asClient = get(publishable, "/nowhere/at/all");
        Answer asAdmin = get(ADMIN_KEY, "/nowhere/at/all");
        Answer withoutKey = send(HttpRequest.GET("/nowhere/at/all"));

        // then
        assertThat(error(asMerchant, 404)).containsEntry("code", "IR_02");
        assertThat(error(asAdmin, 404)).containsEntry("code", "IR_02");
        for (Answer refused : new Answer[]{asClient, withoutKey}) {
            assertThat(error(refused, 401)).containsEntry("code", "IR_01");
        }
    }
}
