package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.micronaut.context.ApplicationContext;
import io.vavr.collection.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tender.app.storage.SecretKeyFixtures.keys;
import static dev.tender.app.storage.SecretKeyFixtures.randomKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key rotation as docs/configuration.md tells it: the new key is added, then made active; the start re-wraps
 * every row under it, rows under the old key read until then, and the old key can go once no row uses it.
 */
class CredentialsRotationTest {

    private final SeparateDatabase database = SeparateDatabase.create("credentials_rotation");
    private final String oldKey = randomKey();
    private final String newKey = randomKey();
    private final MerchantId merchant = MerchantId.of("m_rotation");
    private final List<ApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(ApplicationContext::close);
    }

    @Test
    void rotationMovesEveryRowToTheNewKeyAndOldKeyRowsReadUntilThen() {
        // given: accounts written under the old key
        ApplicationContext before = start(Map.of("old", oldKey), "old");
        database.sql("INSERT INTO merchants (merchant_id, merchant_name, publishable_key, created_at, "
                + "default_profile_id) VALUES ('m_rotation', 'R', 'pk_rotation', now(), 'pro_rotation'); "
                + "INSERT INTO business_profiles (profile_id, merchant_id, profile_name, created_at) "
                + "VALUES ('pro_rotation', 'm_rotation', 'default', now())");
        JdbcConnectorAccounts accounts = before.getBean(JdbcConnectorAccounts.class);
        for (int i = 1; i <= 3; i++) {
            accounts.add(account("mca_" + i, "sk_" + i));
        }
        assertThat(prefixes()).isEqualTo(Map.of("v1:old:", 3L));
        before.close();

        // when: the new key is added, still inactive, and then made active
        ApplicationContext added = start(Map.of("old", oldKey, "new", newKey), "old");
        assertThat(prefixes()).as("nothing moves while the old key is active").isEqualTo(Map.of("v1:old:", 3L));
        added.close();
        ApplicationContext rotated = start(Map.of("old", oldKey, "new", newKey), "new");

        // then: the start re-wrapped every row
        assertThat(prefixes()).isEqualTo(Map.of("v1:new:", 3L));
        JdbcConnectorAccounts afterStart = rotated.getBean(JdbcConnectorAccounts.class);
        assertThat(afterStart.find(merchant, "mca_2").get().credentials().require("api_key")).isEqualTo("sk_2");

        // and: a row under the old key (an instance still on the old configuration wrote it) reads, and the
        // next run moves it
        String underOld = new CredentialsCipher(keys("old", oldKey, "old")).seal("{\"api_key\":\"sk_late\"}",
                merchant.value(), "mca_1");
        database.sql("UPDATE connector_accounts SET credentials = '" + underOld + "' WHERE account_id = 'mca_1'");
        assertThat(afterStart.find(merchant, "mca_1").get().credentials().require("api_key")).isEqualTo("sk_late");
        assertThat(rotated.getBean(CredentialsResealing.class).resealAll())
                .isEqualTo(new CredentialsResealing.Outcome(0, 1, Set.of()));
        assertThat(prefixes()).isEqualTo(Map.of("v1:new:", 3L));
        rotated.close();

        // and: the old key can go; a service given only the old key refuses to start
        ApplicationContext newOnly = start(Map.of("new", newKey), "new");
        assertThat(newOnly.getBean(JdbcConnectorAccounts.class).forMerchant(merchant)).hasSize(3);
        newOnly.close();
        assertThatThrownBy(() -> start(Map.of("old", oldKey), "old"))
                .hasStackTraceContaining("key ids that tender.secrets.keys does not hold (key id=rows: {new=3})");
    }

    @Test
    void aValueMovedToAnotherRowIsNeitherReadNorRewrapped() {
        // given
        ApplicationContext service = start(Map.of("k1", oldKey), "k1");
        database.sql("INSERT INTO merchants (merchant_id, merchant_name, publishable_key, created_at, "
                + "default_profile_id) VALUES ('m_rotation', 'R', 'pk_rotation', now(), 'pro_rotation'); "
                + "INSERT INTO business_profiles (profile_id, merchant_id, profile_name, created_at) "
                + "VALUES ('pro_rotation', 'm_rotation', 'default', now())");
        JdbcConnectorAccounts accounts = service.getBean(JdbcConnectorAccounts.class);
        accounts.add(account("mca_1", "sk_1"));
        accounts.add(account("mca_2", "sk_2"));

        // when: one row's value is copied over the other's
        database.sql("UPDATE connector_accounts SET credentials = (SELECT credentials FROM connector_accounts "
                + "WHERE account_id = 'mca_1') WHERE account_id = 'mca_2'");

        // then
        assertThat(accounts.find(merchant, "mca_1").get().credentials().require("api_key")).isEqualTo("sk_1");
        assertThatThrownBy(() -> accounts.find(merchant, "mca_2"))
                .isInstanceOf(JdbcConnectorAccounts.UnreadableCredentialsException.class)
                .hasMessage("the credentials of connector account mca_2 cannot be read: refused: damaged, or sealed "
                        + "for another row or key");
        service.close();
        ApplicationContext rotated = start(Map.of("k1", oldKey, "k2", newKey), "k2");
        assertThat(rotated.getBean(CredentialsResealing.class).resealAll())
                .isEqualTo(new CredentialsResealing.Outcome(0, 0, Set.of("mca_2")));
        assertThat(prefixes()).isEqualTo(Map.of("v1:k1:", 1L, "v1:k2:", 1L));
    }

    private ConnectorAccount account(String id, String secret) {
        return new ConnectorAccount(id, merchant, "stripe", id, 0, true, Credentials.of(HashMap.of("api_key", secret)),
                HashMap.empty());
    }

    /** A service over the database (no HTTP server), with only these keys: no test environment. */
    private ApplicationContext start(Map<String, String> keys, String active) {
        Map<String, Object> properties = database.properties();
        keys.forEach((id, key) -> properties.put("tender.secrets.keys." + id, key));
        properties.put("tender.secrets.active-key", active);
        properties.put("tender.reconciler.enabled", "false");
        // the test rewrites rows behind the instance's back and reads them at once
        properties.put("tender.connector-accounts.cache-ttl", "0s");
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties)
                .start();
        contexts.add(context);
        return context;
    }

    /** How many rows each {@code v1:<key id>:} prefix has. */
    private Map<String, Long> prefixes() {
        Map<String, Long> prefixes = new java.util.TreeMap<>();
        for (String prefix : List.of("v1:old:", "v1:new:", "v1:k1:", "v1:k2:")) {
            long n = database.count("SELECT count(*) FROM connector_accounts WHERE credentials LIKE '" + prefix + "%'");
            if (n > 0) {
                prefixes.put(prefix, n);
            }
        }
        assertThat(database.count("SELECT count(*) FROM connector_accounts WHERE strpos(credentials, 'sk_') > 0"))
                .as("rows holding a secret in clear").isZero();
        return prefixes;
    }
}
