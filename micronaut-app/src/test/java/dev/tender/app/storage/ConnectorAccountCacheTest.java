package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.micronaut.context.ApplicationContext;
import io.vavr.collection.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code tender.connector-accounts.cache-ttl} on, a merchant's accounts are read once: a change made behind
 * the instance's back (another instance, SQL) is not seen until the TTL ends, one made through it is seen at once.
 */
class ConnectorAccountCacheTest {

    private final SeparateDatabase database = SeparateDatabase.create("account_cache");
    private final MerchantId merchant = MerchantId.of("m_cache");
    private final String key = SecretKeyFixtures.randomKey();
    private final java.util.List<ApplicationContext> contexts = new java.util.ArrayList<>();
    private JdbcConnectorAccounts accounts;

    /** An instance over the database, with the cache on for an hour. */
    private JdbcConnectorAccounts instance() {
        Map<String, Object> properties = database.properties();
        properties.put("tender.secrets.keys.k1", key);
        properties.put("tender.secrets.active-key", "k1");
        properties.put("tender.reconciler.enabled", "false");
        properties.put("tender.connector-accounts.cache-ttl", "1h");
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties)
                .start();
        contexts.add(context);
        return context.getBean(JdbcConnectorAccounts.class);
    }

    @BeforeEach
    void start() {
        accounts = instance();
        database.sql("INSERT INTO merchants (merchant_id, merchant_name, publishable_key, created_at, "
                + "default_profile_id) VALUES ('m_cache', 'C', 'pk_cache', now(), 'pro_cache'); "
                + "INSERT INTO business_profiles (profile_id, merchant_id, profile_name, created_at) "
                + "VALUES ('pro_cache', 'm_cache', 'default', now())");
    }

    @AfterEach
    void stop() {
        contexts.forEach(ApplicationContext::close);
    }

    private ConnectorAccount account(String id) {
        return new ConnectorAccount(id, merchant, "simulator", id, 0, true, Credentials.of(HashMap.of("api_key", "k")),
                HashMap.empty());
    }

    @Test
    void aChangeBehindTheInstancesBackWaitsForTheTtlOneThroughItIsSeenAtOnce() {
        // given
        accounts.add(account("mca_1"));
        assertThat(accounts.forMerchant(merchant).map(ConnectorAccount::id)).containsExactly("mca_1");

        // when: another instance adds one, and the first is disabled behind this one's back (SQL)
        instance().add(account("mca_2"));
        database.sql("UPDATE connector_accounts SET enabled = false WHERE account_id = 'mca_1'");

        // then: this instance still routes with what it read
        assertThat(accounts.forMerchant(merchant).map(ConnectorAccount::enabled)).containsExactly(true);
        assertThat(accounts.find(merchant, "mca_2")).isEmpty();

        // and when: it deletes one itself, it reads them all again
        assertThat(accounts.delete(merchant, "mca_1")).isTrue();
        assertThat(accounts.forMerchant(merchant).map(ConnectorAccount::id)).containsExactly("mca_2");
        assertThat(accounts.find(merchant, "mca_1").map(ConnectorAccount::enabled)).contains(false);
        assertThat(accounts.findAll(merchant, java.util.List.of("mca_1", "mca_2", "mca_x")).keySet())
                .containsExactlyInAnyOrder("mca_1", "mca_2");
    }
}
