package dev.tender.app.api;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API over HTTP, with Hyperswitch's paths and bodies: merchant accounts (with their default
 * business profile), API keys (shown once, then by prefix; revoked and expired keys refused) and connector
 * accounts (labels unique in a profile, credentials never shown).
 */
@MicronautTest(transactional = false)
class AdminApiTest extends ApiTestSupport {

    private static final String SECRET = "sk_test_TOP_SECRET_4242";

    // ---------------------------------------------------------------- merchant accounts

    @Test
    void aMerchantAccountIsCreatedWithItsDefaultProfileAndKeepsWhatItIsGiven() {
        // given
        String id = newId("m_adm");

        // when
        Map<String, Object> created = ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + id + "\","
                + "\"merchant_name\":\"NewAge Retailer\",\"organization_id\":\"org_" + id + "\","
                + "\"return_url\":\"https://shop.example/back\",\"metadata\":{\"tier\":\"gold\"},"
                + "\"sub_merchants_enabled\":false,\"locker_id\":\"m0010\","
                + "\"merchant_details\":{\"primary_contact_person\":\"John Test\",\"primary_email\":\"j@test.com\","
                + "\"address\":{\"line1\":\"1467\",\"city\":\"San Fransico\",\"country\":\"US\"}},"
                + "\"webhook_details\":{\"webhook_url\":\"http://127.0.0.1:9/hook\","
                + "\"webhook_password\":\"pw_NEVER_SHOWN\"},"
                + "\"primary_business_details\":[{\"country\":\"US\",\"business\":\"food\"}],"
                + "\"enable_payment_response_hash\":true,\"product_type\":\"orchestration\"}"));

        // then
        assertThat(created).containsEntry("merchant_id", id).containsEntry("merchant_name", "NewAge Retailer")
                .containsEntry("organization_id", "org_" + id).containsEntry("return_url", "https://shop.example/back")
                .containsEntry("metadata", Map.of("tier", "gold")).containsEntry("locker_id", "m0010")
                .containsEntry("sub_merchants_enabled", false).containsEntry("primary_business_details", List.of())
                .containsEntry("enable_payment_response_hash", true)
                .containsEntry("recon_status", "not_requested").containsEntry("is_recon_enabled", false)
                .containsEntry("merchant_account_type", "standard");
        assertThat((String) created.get("publishable_key")).startsWith("pk_snd_");
        String profile = (String) created.get("default_profile");
        assertThat(profile).startsWith("pro_");
        assertThat(merchants.defaultProfileId(MerchantId.of(id))).contains(profile);
        Map<String, Object> details = map(created.get("merchant_details"));
        assertThat(details).containsEntry("primary_contact_person", "John Test")
                .containsEntry("primary_email", "j@test.com");
        assertThat(map(details.get("address"))).containsEntry("line1", "1467").containsEntry("country", "US");
        assertThat(map(created.get("webhook_details"))).containsEntry("webhook_url", "http://127.0.0.1:9/hook")
                .containsEntry("webhook_password", "********");
        assertThat(created.toString()).doesNotContain("pw_NEVER_SHOWN");
        assertThat(ok(admin("GET", "/accounts/" + id, null))).isEqualTo(created);
    }

    @Test
    void aMerchantAccountIsUpdatedFieldByFieldAndItsIdMustBeThePaths() {
        // given
        String id = merchantAccount("m_upd");
        Map<String, Object> before = ok(admin("POST", "/accounts/" + id, "{\"merchant_id\":\"" + id + "\","
                + "\"return_url\":\"https://shop.example/one\",\"merchant_details\":{\"website\":\"https://a.example\"}}"));

        // when
        Map<String, Object> updated = ok(admin("POST", "/accounts/" + id, "{\"merchant_id\":\"" + id + "\","
                + "\"merchant_name\":\"Renamed\",\"metadata\":{\"k\":\"v\"},\"default_profile\":\""
                + before.get("default_profile") + "\",\"webhook_details\":{\"webhook_url\":\"http://127.0.0.1/x\"}}"));

        // then
        assertThat(updated).containsEntry("merchant_name", "Renamed").containsEntry("metadata", Map.of("k", "v"))
                .containsEntry("return_url", "https://shop.example/one")
                .containsEntry("default_profile", before.get("default_profile"))
                .containsEntry("publishable_key", before.get("publishable_key"));
        assertThat(map(updated.get("merchant_details"))).containsEntry("website", "https://a.example");
        assertThat(ok(admin("GET", "/accounts/" + id, null))).isEqualTo(updated);
        assertThat(error(admin("POST", "/accounts/" + id, "{\"merchant_id\":\"other\"}"), 400))
                .containsEntry("code", "IR_06").containsEntry("message", "merchant_id: must be the id of the account updated");
        assertThat(error(admin("POST", "/accounts/" + id, "{\"merchant_name\":\"x\"}"), 400))
                .containsEntry("code", "IR_04").containsEntry("message", "Missing required param: merchant_id");
        assertThat(error(admin("POST", "/accounts/" + id, "{\"merchant_id\":\"" + id + "\","
                + "\"default_profile\":\"pro_nowhere\"}"), 404)).containsEntry("code", "HE_02");
        assertThat(error(admin("POST", "/accounts/m_nowhere_" + id, "{\"merchant_id\":\"m_nowhere_" + id + "\"}"),
                404)).containsEntry("code", "HE_02").containsEntry("message",
                "Merchant account does not exist in our records");
    }

    @Test
    void theListShowsTheMerchantsNotDeletedOfTheOrganizationAsked() {
        // given
        String org = newId("org");
        String first = newId("m_list");
        String second = newId("m_list");
        String deleted = newId("m_list");
        for (String id : List.of(first, second, deleted)) {
            ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + id + "\",\"organization_id\":\"" + org + "\"}"));
        }
        String elsewhere = merchantAccount("m_list_other");
        ok(admin("DELETE", "/accounts/" + deleted, null));

        // when
        List<Map<String, Object>> ofOrganization = list(admin("GET", "/accounts/list?organization_id=" + org, null));
        List<Map<String, Object>> all = list(admin("GET", "/accounts/list", null));

        // then
        assertThat(ofOrganization).extracting(m -> m.get("merchant_id")).containsExactly(first, second);
        assertThat(ofOrganization).allSatisfy(m -> assertThat(m).containsEntry("organization_id", org));
        assertThat(all).extracting(m -> m.get("merchant_id")).contains(first, second, elsewhere).doesNotContain(deleted);
    }

    @Test
    void aDeletedMerchantIsGoneItsKeysStopAtOnceAndItsPaymentsAreKept() throws SQLException {
        // given
        String id = merchantAccount("m_del");
        String key = apiKey(id, "{\"name\":\"backend\",\"expiration\":\"never\"}");
        ok(admin("POST", "/account/" + id + "/connectors", simulator("sim")));
        String payment = (String) confirmedPayment(key, 1500, "manual").get("payment_id");

        // when
        Map<String, Object> deleted = ok(admin("DELETE", "/accounts/" + id, null));

        // then
        assertThat(deleted).isEqualTo(Map.of("merchant_id", id, "deleted", true));
        assertThat(error(get(key, "/payments/" + payment), 401)).containsEntry("code", "IR_01");
        for (String path : List.of("/accounts/" + id, "/api_keys/" + id + "/list", "/account/" + id + "/connectors")) {
            assertThat(error(admin("GET", path, null), 404)).as(path).containsEntry("code", "HE_02");
        }
        assertThat(error(admin("POST", "/api_keys/" + id, "{\"name\":\"again\"}"), 404)).containsEntry("code", "HE_02");
        assertThat(error(admin("DELETE", "/accounts/" + id, null), 404)).containsEntry("code", "HE_02");
        assertThat(error(admin("POST", "/accounts", "{\"merchant_id\":\"" + id + "\"}"), 400))
                .containsEntry("code", "HE_01");
        assertThat(count("SELECT count(*) FROM payments WHERE merchant_id = ? AND payment_id = '" + payment + "'", id))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM merchants WHERE merchant_id = ?", id)).isEqualTo(1);
    }

    @Test
    void badMerchantAccountRequestsAreRefusedInTheErrorShapeNamingTheirFields() {
        assertThat(error(admin("POST", "/accounts", "{}"), 400)).containsEntry("code", "IR_04")
                .containsEntry("message", "Missing required param: merchant_id");
        assertThat(error(admin("POST", "/accounts", "{\"merchant_id\":\"has space\",\"merchant_nam\":\"x\","
                + "\"merchant_details\":{\"address\":{\"country\":\"usa\"}},\"return_url\":\"nope\"}"), 400))
                .containsEntry("code", "IR_06").containsEntry("message",
                        "merchant_id: must be 1 to 64 letters, digits, '_' or '-'; "
                                + "merchant_details.address.country: must be an ISO 3166 alpha-2 country code, e.g. US; "
                                + "return_url: must be an absolute http or https URL of at most 2048 characters; "
                                + "merchant_nam: is not a known field");
        assertThat(error(admin("POST", "/accounts", "{\"merchant_id\":"), 400)).containsEntry("code", "IR_06");
        // a property of the other schema: MerchantAccountUpdate has no organization_id, Create no default_profile
        String id = merchantAccount("m_schema_sides");
        assertThat(error(admin("POST", "/accounts/" + id, "{\"merchant_id\":\"" + id + "\","
                + "\"organization_id\":\"org_1\"}"), 400)).containsEntry("message",
                "organization_id: is not a known field");
        assertThat(error(admin("POST", "/accounts", "{\"merchant_id\":\"m_sides_new\",\"default_profile\":\"p\"}"),
                400)).containsEntry("message", "default_profile: is not a known field");
        assertThat(error(admin("GET", "/accounts/m_nowhere_at_all", null), 404)).containsEntry("code", "HE_02");
        assertThat(error(send(HttpRequest.GET("/accounts/list")), 401)).containsEntry("code", "IR_01");
    }

    // ---------------------------------------------------------------- API keys

    @Test
    void aKeyIsShownOnceThenOnlyByItsPrefix() {
        // given
        String id = merchantAccount("m_key");
        String expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        // when
        Answer createdAnswer = admin("POST", "/api_keys/" + id, "{\"name\":\"Sandbox integration key\","
                + "\"description\":\"for the sandbox\",\"expiration\":\"" + expiry + "\"}");
        Map<String, Object> created = ok(createdAnswer);
        String key = (String) created.get("api_key");
        String keyId = (String) created.get("key_id");
        Answer retrieved = admin("GET", "/api_keys/" + id + "/" + keyId, null);
        Answer listed = admin("GET", "/api_keys/" + id + "/list", null);

        // then
        assertThat(key).startsWith("snd_").hasSizeGreaterThan(40);
        assertThat(created).containsEntry("merchant_id", id).containsEntry("name", "Sandbox integration key")
                .containsEntry("description", "for the sandbox").containsEntry("expiration", expiry)
                .containsKey("created");
        assertThat(ok(retrieved)).containsEntry("key_id", keyId).containsEntry("prefix", key.substring(0, 8))
                .containsEntry("expiration", expiry).containsEntry("created", created.get("created"))
                .doesNotContainKey("api_key");
        assertThat(list(listed)).containsExactly(ok(retrieved));
        assertThat(retrieved.body() + listed.body()).doesNotContain(key);
        assertThat(ok(get(key, "/payments/list")).get("size")).isEqualTo(0);
    }

    @Test
    void aKeyWithoutExpirationNeverExpiresAndItsNameDescriptionAndExpiryCanBeChanged() {
        // given
        String id = merchantAccount("m_key_upd");
        Map<String, Object> created = ok(admin("POST", "/api_keys/" + id, "{\"name\":\"first\"}"));
        String path = "/api_keys/" + id + "/" + created.get("key_id");
        String expiry = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        // when
        Map<String, Object> dated = ok(admin("POST", path, "{\"description\":\"rotating\",\"expiration\":\"" + expiry
                + "\"}"));
        Map<String, Object> renamed = ok(admin("POST", path, "{\"name\":\"second\",\"expiration\":\"never\"}"));

        // then
        assertThat(created).containsEntry("expiration", "never").containsEntry("description", null);
        assertThat(dated).containsEntry("name", "first").containsEntry("description", "rotating")
                .containsEntry("expiration", expiry);
        assertThat(renamed).containsEntry("name", "second").containsEntry("description", "rotating")
                .containsEntry("expiration", "never");
        assertThat(ok(admin("GET", path, null))).isEqualTo(renamed);
        assertThat(error(admin("POST", path, "{\"expiration\":\"2020-01-01T00:00:00Z\"}"), 400))
                .containsEntry("code", "IR_06").containsEntry("message",
                        "expiration: must be never or an ISO-8601 date-time in the future, before the year 10000, e.g. 2030-01-31T12:00:00Z");
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestOn() {
        // given
        String id = merchantAccount("m_revoke");
        Map<String, Object> created = ok(admin("POST", "/api_keys/" + id, "{\"name\":\"doomed\","
                + "\"expiration\":\"never\"}"));
        String key = (String) created.get("api_key");
        String path = "/api_keys/" + id + "/" + created.get("key_id");
        ok(get(key, "/payments/list"));

        // when
        Map<String, Object> revoked = ok(admin("DELETE", path, null));

        // then
        assertThat(revoked).isEqualTo(Map.of("merchant_id", id, "key_id", created.get("key_id"), "revoked", true));
        assertThat(error(get(key, "/payments/list"), 401)).containsEntry("code", "IR_01");
        assertThat(error(admin("GET", path, null), 404)).containsEntry("code", "HE_02")
                .containsEntry("message", "API Key does not exist in our records");
        assertThat(error(admin("DELETE", path, null), 404)).containsEntry("code", "HE_02");
        assertThat(list(admin("GET", "/api_keys/" + id + "/list", null))).isEmpty();
    }

    @Test
    void anExpiredKeyIsRefusedButStillListed() throws SQLException {
        // given
        String id = merchantAccount("m_expire");
        Map<String, Object> created = ok(admin("POST", "/api_keys/" + id, "{\"name\":\"short\",\"expiration\":\""
                + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}"));
        String key = (String) created.get("api_key");
        ok(get(key, "/payments/list"));

        // when: the hour passes
        update("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE key_id = ?",
                (String) created.get("key_id"));

        // then
        assertThat(error(get(key, "/payments/list"), 401)).containsEntry("code", "IR_01");
        assertThat(list(admin("GET", "/api_keys/" + id + "/list", null))).extracting(k -> k.get("key_id"))
                .containsExactly(created.get("key_id"));
    }

    @Test
    void theKeyListIsOldestFirstAndPagesWithLimitAndSkip() {
        // given
        String id = merchantAccount("m_keys");
        List<Object> keyIds = List.of("a", "b", "c").stream()
                .map(name -> ok(admin("POST", "/api_keys/" + id, "{\"name\":\"" + name + "\"}")).get("key_id"))
                .toList();

        // then
        assertThat(list(admin("GET", "/api_keys/" + id + "/list", null))).extracting(k -> k.get("key_id"))
                .containsExactlyElementsOf(keyIds);
        assertThat(list(admin("GET", "/api_keys/" + id + "/list?limit=2", null))).extracting(k -> k.get("name"))
                .containsExactly("a", "b");
        assertThat(list(admin("GET", "/api_keys/" + id + "/list?limit=2&skip=2", null)))
                .extracting(k -> k.get("name")).containsExactly("c");
        assertThat(error(admin("GET", "/api_keys/" + id + "/list?limit=0", null), 400)).containsEntry("code", "IR_06")
                .containsEntry("message", "limit: must be an integer from 1 to 100");
    }

    @Test
    void badApiKeyRequestsAreRefusedInTheErrorShape() {
        String id = merchantAccount("m_key_bad");
        assertThat(error(admin("POST", "/api_keys/" + id, "{\"expiration\":\"never\"}"), 400))
                .containsEntry("code", "IR_04").containsEntry("message", "Missing required param: name");
        assertThat(error(admin("POST", "/api_keys/" + id, "{\"name\":\"n\",\"expiration\":\"tomorrow\","
                + "\"scope\":\"all\"}"), 400)).containsEntry("code", "IR_06").containsEntry("message",
                "expiration: must be never or an ISO-8601 date-time in the future, before the year 10000, e.g. 2030-01-31T12:00:00Z; "
                        + "scope: is not a known field");
        assertThat(error(admin("POST", "/api_keys/m_nowhere_" + id, "{\"name\":\"n\"}"), 404))
                .containsEntry("code", "HE_02").containsEntry("message", "Merchant account does not exist in our records");
        assertThat(error(admin("GET", "/api_keys/" + id + "/key_nowhere", null), 404)).containsEntry("code", "HE_02");
        assertThat(error(admin("POST", "/api_keys/" + id + "/key_nowhere", "{\"name\":\"n\"}"), 404))
                .containsEntry("code", "HE_02");
    }

    // ---------------------------------------------------------------- connector accounts

    @Test
    void aConnectorAccountIsCreatedRetrievedUpdatedListedAndDeleted() {
        // given
        String id = merchantAccount("m_mca");
        String profile = (String) ok(admin("GET", "/accounts/" + id, null)).get("default_profile");

        // when
        Map<String, Object> created = ok(admin("POST", "/account/" + id + "/connectors", "{\"connector_type\":"
                + "\"payment_processor\",\"connector_name\":\"simulator\",\"connector_label\":\"sim_eu\","
                + "\"connector_account_details\":{\"auth_type\":\"HeaderKey\",\"api_key\":\"" + SECRET + "\"},"
                + "\"metadata\":{\"region\":\"eu\"},\"test_mode\":true,\"priority\":5,"
                + "\"payment_methods_enabled\":[{\"payment_method\":\"card\"}],\"business_country\":\"US\"}"));
        String mca = (String) created.get("merchant_connector_id");
        String path = "/account/" + id + "/connectors/" + mca;
        Map<String, Object> retrieved = ok(admin("GET", path, null));
        Map<String, Object> updated = ok(admin("POST", path, "{\"connector_type\":\"payment_processor\","
                + "\"status\":\"active\",\"connector_label\":\"sim_us\",\"disabled\":true,\"priority\":1,"
                + "\"connector_account_details\":{\"auth_type\":\"BodyKey\",\"api_key\":\"k2\",\"key1\":\"k3\"}}"));
        List<Map<String, Object>> listed = list(admin("GET", "/account/" + id + "/connectors", null));
        Map<String, Object> deleted = ok(admin("DELETE", path, null));

        // then
        assertThat(mca).startsWith("mca_");
        assertThat(created).containsEntry("connector_type", "payment_processor")
                .containsEntry("connector_name", "simulator").containsEntry("connector_label", "sim_eu")
                .containsEntry("profile_id", profile).containsEntry("metadata", Map.of("region", "eu"))
                .containsEntry("test_mode", true).containsEntry("disabled", false).containsEntry("status", "active")
                .containsEntry("priority", 5).containsEntry("payment_methods_enabled", null)
                .containsEntry("connector_account_details", Map.of("auth_type", "HeaderKey", "api_key", "********"));
        assertThat(retrieved).isEqualTo(created);
        assertThat(updated).containsEntry("merchant_connector_id", mca).containsEntry("connector_label", "sim_us")
                .containsEntry("disabled", true).containsEntry("priority", 1).containsEntry("test_mode", true)
                .containsEntry("metadata", Map.of("region", "eu")).containsEntry("connector_account_details",
                        Map.of("auth_type", "BodyKey", "api_key", "********", "key1", "********"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).containsEntry("merchant_connector_id", mca).containsEntry("connector_label", "sim_us")
                .containsEntry("profile_id", profile).containsEntry("disabled", true)
                .doesNotContainKey("connector_account_details");
        assertThat(deleted).isEqualTo(Map.of("merchant_id", id, "merchant_connector_id", mca, "deleted", true));
        assertThat(error(admin("GET", path, null), 404)).containsEntry("code", "HE_02")
                .containsEntry("message", "Merchant connector account does not exist in our records");
        assertThat(error(admin("DELETE", path, null), 404)).containsEntry("code", "HE_02");
        assertThat(error(admin("POST", path, "{\"connector_type\":\"payment_processor\",\"status\":\"active\"}"), 404))
                .containsEntry("code", "HE_02");
        assertThat(list(admin("GET", "/account/" + id + "/connectors", null))).isEmpty();
    }

    @Test
    void aLabelIsUniqueInItsProfileWhateverTheConnectorAndFreeAgainOnceItsAccountIsDeleted() {
        // given
        String id = merchantAccount("m_label");
        String first = (String) ok(admin("POST", "/account/" + id + "/connectors", simulator("main")))
                .get("merchant_connector_id");
        Map<String, Object> byDefault = ok(admin("POST", "/account/" + id + "/connectors",
                "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\"}"));

        // when
        Answer sameLabel = admin("POST", "/account/" + id + "/connectors", "{\"connector_type\":\"payment_processor\","
                + "\"connector_name\":\"" + ApiTestFixtures.SLOW + "\",\"connector_label\":\"main\"}");
        Answer sameDefaultLabel = admin("POST", "/account/" + id + "/connectors",
                "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\"}");
        Answer renamedOntoIt = admin("POST", "/account/" + id + "/connectors/" + byDefault.get("merchant_connector_id"),
                "{\"connector_type\":\"payment_processor\",\"status\":\"active\",\"connector_label\":\"main\"}");

        // then
        String profile = (String) byDefault.get("profile_id");
        assertThat(byDefault).containsEntry("connector_label", "simulator_default");
        assertThat(error(sameLabel, 400)).containsEntry("code", "HE_01").containsEntry("message",
                "The merchant connector account with the specified profile_id '" + profile
                        + "' and connector_label 'main' already exists in our records");
        assertThat(error(sameDefaultLabel, 400)).containsEntry("code", "HE_01");
        assertThat(error(renamedOntoIt, 400)).containsEntry("code", "HE_01");
        ok(admin("DELETE", "/account/" + id + "/connectors/" + first, null));
        assertThat(ok(admin("POST", "/account/" + id + "/connectors", simulator("main"))))
                .containsEntry("connector_label", "main");
        assertThat(list(admin("GET", "/account/" + id + "/connectors", null))).extracting(a -> a.get("connector_label"))
                .containsExactlyInAnyOrder("main", "simulator_default");
    }

    @Test
    void credentialsAreNeverInAnyResponse() {
        // given
        String id = merchantAccount("m_secret");
        String body = "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\","
                + "\"connector_account_details\":{\"auth_type\":\"" + SECRET + "\",\"api_key\":\"" + SECRET + "\"}}";

        // when
        Answer created = admin("POST", "/account/" + id + "/connectors", body);
        String path = "/account/" + id + "/connectors/" + ok(created).get("merchant_connector_id");
        List<Answer> answers = List.of(created, admin("GET", path, null),
                admin("GET", "/account/" + id + "/connectors", null),
                admin("POST", path, "{\"connector_type\":\"payment_processor\",\"status\":\"active\","
                        + "\"connector_account_details\":{\"api_secret\":\"" + SECRET + "_2\"}}"),
                admin("GET", path, null), admin("POST", "/account/" + id + "/connectors", body),
                admin("DELETE", path, null));

        // then
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain(SECRET));
        assertThat(ok(answers.get(1))).containsEntry("connector_account_details",
                Map.of("auth_type", "********", "api_key", "********"));
        assertThat(ok(answers.get(4))).containsEntry("connector_account_details", Map.of("api_secret", "********"));
    }

    @Test
    void aDisabledOrInactiveAccountTakesNoPayment() {
        // given
        String id = merchantAccount("m_off");
        String key = apiKey(id, "{\"name\":\"backend\"}");
        String mca = (String) ok(admin("POST", "/account/" + id + "/connectors", "{\"connector_type\":"
                + "\"payment_processor\",\"connector_name\":\"simulator\",\"disabled\":true}"))
                .get("merchant_connector_id");
        String path = "/account/" + id + "/connectors/" + mca;

        // then
        assertThat(error(post(key, "/payments", payment()), 400)).containsEntry("code", "IR_39");
        ok(admin("POST", path, "{\"connector_type\":\"payment_processor\",\"status\":\"inactive\",\"disabled\":false}"));
        assertThat(error(post(key, "/payments", payment()), 400)).containsEntry("code", "IR_39");
        ok(admin("POST", path, "{\"connector_type\":\"payment_processor\",\"status\":\"active\"}"));
        assertThat(ok(post(key, "/payments", payment()))).containsEntry("status", "succeeded")
                .containsEntry("merchant_connector_id", mca);
    }

    @Test
    void aDeletedAccountTakesNoNewPaymentButItsPaymentsAreStillCapturedThroughIt() {
        // given
        String id = merchantAccount("m_mca_del");
        String key = apiKey(id, "{\"name\":\"backend\"}");
        String old = (String) ok(admin("POST", "/account/" + id + "/connectors", simulator("old")))
                .get("merchant_connector_id");
        Map<String, Object> authorized = confirmedPayment(key, 2000, "manual");
        String replacement = (String) ok(admin("POST", "/account/" + id + "/connectors", simulator("new")))
                .get("merchant_connector_id");

        // when
        ok(admin("DELETE", "/account/" + id + "/connectors/" + old, null));

        // then
        assertThat(authorized).containsEntry("merchant_connector_id", old);
        assertThat(ok(post(key, "/payments/" + authorized.get("payment_id") + "/capture", "{}")))
                .containsEntry("status", "succeeded").containsEntry("merchant_connector_id", old)
                .containsEntry("connector_label", "old");
        assertThat(ok(post(key, "/payments", payment()))).containsEntry("merchant_connector_id", replacement);
    }

    @Test
    void aMerchantsOwnKeyCreatesListsReadsUpdatesAndDeletesItsConnectorAccounts() {
        // given
        String id = merchantAccount("m_mca_own");
        String key = apiKey(id, "{\"name\":\"own\",\"expiration\":\"never\"}");
        String connectors = "/account/" + id + "/connectors";

        // when: with the merchant's key, then with x-merchant-id naming the merchant as well
        Map<String, Object> created = ok(as(key, null, "POST", connectors, simulator("own_eu")));
        String path = connectors + "/" + created.get("merchant_connector_id");
        Map<String, Object> retrieved = ok(as(key, id, "GET", path, null));
        Map<String, Object> updated = ok(as(key, id, "POST", path, "{\"connector_type\":\"payment_processor\","
                + "\"status\":\"active\",\"connector_label\":\"own_us\"}"));
        List<Map<String, Object>> listed = list(as(key, id, "GET", connectors, null));
        Map<String, Object> deleted = ok(as(key, null, "DELETE", path, null));

        // then
        assertThat(created).containsEntry("merchant_id", id).containsEntry("connector_label", "own_eu");
        assertThat(retrieved).isEqualTo(created);
        assertThat(updated).containsEntry("connector_label", "own_us");
        assertThat(listed).extracting(a -> a.get("connector_label")).containsExactly("own_us");
        assertThat(deleted).containsEntry("deleted", true);
        assertThat(list(as(key, null, "GET", connectors, null))).isEmpty();
    }

    @Test
    void aMerchantsKeyIsRefusedOnAnotherMerchantsConnectorAccountsOrWithAnotherMerchantsId() {
        // given
        String id = merchantAccount("m_mca_self");
        String key = apiKey(id, "{\"name\":\"self\"}");
        String publishableKey = (String) ok(admin("GET", "/accounts/" + id, null)).get("publishable_key");
        String other = merchantAccount("m_mca_other");
        String othersAccount = (String) ok(admin("POST", "/account/" + other + "/connectors", simulator("theirs")))
                .get("merchant_connector_id");
        String mine = "/account/" + id + "/connectors";
        String theirs = "/account/" + other + "/connectors";

        // when
        List<Answer> refused = List.of(as(key, null, "GET", theirs, null),
                as(key, null, "POST", theirs, simulator("by_me")),
                as(key, null, "GET", theirs + "/" + othersAccount, null),
                as(key, null, "POST", theirs + "/" + othersAccount, "{\"connector_type\":\"payment_processor\","
                        + "\"status\":\"inactive\"}"),
                as(key, null, "DELETE", theirs + "/" + othersAccount, null),
                as(key, other, "GET", mine, null), as(key, other, "POST", mine, simulator("mismatch")),
                as(key, other, "GET", theirs, null), as(ADMIN_KEY.substring(1), null, "GET", mine, null),
                as(publishableKey, id, "GET", mine, null), as(publishableKey, null, "POST", mine, simulator("pk")));

        // then: 401 as Hyperswitch answers a route's merchant that is not the key's (and a publishable key,
        // a browser's, opens no connector account); the other's account is unknown on the merchant's own
        // path, and nothing changed
        for (Answer answer : refused) {
            assertThat(error(answer, 401)).containsEntry("code", "IR_01");
        }
        assertThat(error(as(key, id, "GET", mine + "/" + othersAccount, null), 404)).containsEntry("code", "HE_02");
        assertThat(error(as(key, null, "DELETE", mine + "/" + othersAccount, null), 404))
                .containsEntry("code", "HE_02");
        assertThat(list(as(key, null, "GET", mine, null))).isEmpty();
        assertThat(list(admin("GET", theirs, null))).extracting(a -> a.get("connector_label"))
                .containsExactly("theirs");
        // and: the admin key acts on any merchant, whatever x-merchant-id says
        assertThat(list(as(ADMIN_KEY, other, "GET", mine, null))).isEmpty();
    }

    @Test
    void badConnectorAccountRequestsAreRefusedInTheErrorShape() {
        String id = merchantAccount("m_mca_bad");
        String connectors = "/account/" + id + "/connectors";
        assertThat(error(admin("POST", connectors, "{\"connector_label\":\"x\"}"), 400)).containsEntry("code", "IR_04")
                .containsEntry("message", "Missing required param: connector_type, connector_name");
        assertThat(error(admin("POST", connectors, "{\"connector_type\":\"payout_processor\",\"connector_name\":"
                + "\"stripe_nope\",\"connector_account_details\":{\"key\":{\"nested\":1}},\"status\":\"on\","
                + "\"connector_labl\":\"x\"}"), 400)).containsEntry("code", "IR_06").containsEntry("message",
                "connector_type: must be payment_processor: the only kind of connector Tender routes to; "
                        + "connector_account_details.key: must be a string, a number or a boolean; "
                        + "status: must be active or inactive; "
                        + "connector_name: must be one of the connectors this service ships, e.g. simulator; "
                        + "connector_labl: is not a known field");
        assertThat(error(admin("POST", connectors, "{\"connector_type\":\"payment_processor\",\"connector_name\":"
                + "\"simulator\",\"profile_id\":\"pro_nowhere\"}"), 404)).containsEntry("code", "HE_02")
                .containsEntry("message", "Business profile does not exist in our records");
        String mca = (String) ok(admin("POST", connectors, simulator("ok"))).get("merchant_connector_id");
        assertThat(error(admin("POST", connectors + "/" + mca, "{\"connector_label\":\"y\"}"), 400))
                .containsEntry("code", "IR_04").containsEntry("message", "Missing required param: connector_type, status");
        assertThat(error(admin("POST", connectors + "/" + mca, "{\"connector_type\":\"payment_processor\","
                + "\"status\":\"active\",\"connector_name\":\"simulator\"}"), 400)).containsEntry("code", "IR_06")
                .containsEntry("message", "connector_name: is not a known field");
        assertThat(error(admin("POST", "/account/m_nowhere_" + id + "/connectors", simulator("x")), 404))
                .containsEntry("code", "HE_02");
    }

    // ---------------------------------------------------------------- races, settled by the database

    @Test
    void concurrentCreatesOfOneMerchantOrOneLabelMakeOneAndRefuseTheOthersAsDuplicates() throws Exception {
        // given
        String id = newId("m_race");
        String owner = merchantAccount("m_race_owner");

        // when
        List<Answer> merchantsMade = race(() -> admin("POST", "/accounts", "{\"merchant_id\":\"" + id + "\"}"));
        List<Answer> accountsMade = race(() -> admin("POST", "/account/" + owner + "/connectors", simulator("same")));

        // then
        for (List<Answer> answers : List.of(merchantsMade, accountsMade)) {
            assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
            assertThat(answers).filteredOn(a -> a.status() != 200)
                    .allSatisfy(a -> assertThat(error(a, 400)).containsEntry("code", "HE_01"));
        }
        assertThat(list(admin("GET", "/account/" + owner + "/connectors", null))).hasSize(1);
    }

    /** The same call from 8 threads at once. */
    private static List<Answer> race(Callable<Answer> call) throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Answer> done = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                done.add(answer.get(30, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    private Answer admin(String method, String path, String body) {
        return send(switch (method) {
            case "GET" -> HttpRequest.GET(path).header("api-key", ADMIN_KEY);
            case "DELETE" -> HttpRequest.DELETE(path).header("api-key", ADMIN_KEY);
            case "POST" -> HttpRequest.POST(path, body).contentType("application/json").header("api-key", ADMIN_KEY);
            default -> throw new IllegalArgumentException(method);
        });
    }

    /** A call with this key, and with {@code x-merchant-id} if a merchant is given. */
    private Answer as(String key, String merchantId, String method, String path, String body) {
        MutableHttpRequest<?> request = switch (method) {
            case "GET" -> HttpRequest.GET(path);
            case "DELETE" -> HttpRequest.DELETE(path);
            case "POST" -> HttpRequest.POST(path, body).contentType("application/json");
            default -> throw new IllegalArgumentException(method);
        };
        request.header("api-key", key);
        if (merchantId != null) {
            request.header("x-merchant-id", merchantId);
        }
        return send(request);
    }

    /** A merchant created through the admin API; returns its id. */
    private String merchantAccount(String prefix) {
        String id = newId(prefix);
        ok(admin("POST", "/accounts", "{\"merchant_id\":\"" + id + "\",\"merchant_name\":\"Shop\"}"));
        return id;
    }

    private String apiKey(String merchantId, String body) {
        return (String) ok(admin("POST", "/api_keys/" + merchantId, body)).get("api_key");
    }

    private static String simulator(String label) {
        return "{\"connector_type\":\"payment_processor\",\"connector_name\":\"simulator\",\"connector_label\":\""
                + label + "\"}";
    }

    private static String payment() {
        return "{\"amount\":1000,\"currency\":\"USD\",\"confirm\":true," + card(VISA) + "}";
    }

    private List<Map<String, Object>> list(Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("expected 200, got " + answer.status() + ": " + answer.body());
        }
        try {
            return json.readValue(answer.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static long count(String sql, String merchantId) throws SQLException {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, merchantId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void update(String sql, String value) throws SQLException {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, value);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
