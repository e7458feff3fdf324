package dev.tender.app.api;

import dev.tender.app.EmbeddedDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the API key cache on (an hour here, seconds by default): a key revoked or a merchant deleted through
 * this instance is refused at once; one revoked through another instance (here: SQL behind its back) still
 * authenticates until the cache forgets it, as docs/configuration.md says.
 */
@MicronautTest(transactional = false)
class ApiKeyCacheApiTest extends ApiTestSupport {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("tender.api-keys.cache-ttl", "1h");
        return properties;
    }

    @Test
    void aKeyRevokedThroughThisInstanceIsRefusedFromTheNextRequestOn() {
        // given a key used a moment ago
        String key = merchant("m_cache_revoke");
        String merchant = merchantIdOf(key);
        ok(get(key, "/payments/list"));

        // when
        ok(send(HttpRequest.DELETE("/api_keys/" + merchant + "/key_" + merchant).header("api-key", ADMIN_KEY)));

        // then
        assertThat(error(get(key, "/payments/list"), 401)).containsEntry("code", "IR_01");
    }

    @Test
    void aDeletedMerchantsKeyIsRefusedFromTheNextRequestOn() {
        // given
        String key = merchant("m_cache_delete");
        String merchant = merchantIdOf(key);
        ok(get(key, "/payments/list"));

        // when
        ok(send(HttpRequest.DELETE("/accounts/" + merchant).header("api-key", ADMIN_KEY)));

        // then
        assertThat(error(get(key, "/payments/list"), 401)).containsEntry("code", "IR_01");
    }

    @Test
    void aKeyRevokedThroughAnotherInstanceAuthenticatesHereUntilTheCacheForgetsIt() throws SQLException {
        // given
        String key = merchant("m_cache_elsewhere");
        String merchant = merchantIdOf(key);
        ok(get(key, "/payments/list"));

        // when another instance revokes it
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement revoke = connection.prepareStatement(
                     "UPDATE api_keys SET revoked_at = now() WHERE key_id = ?")) {
            revoke.setString(1, "key_" + merchant);
            assertThat(revoke.executeUpdate()).isEqualTo(1);
        }

        // then this instance still takes it from its cache
        ok(get(key, "/payments/list"));
        // until a change through this instance (any key's) makes it look keys up again
        String other = merchant("m_cache_other");
        String otherMerchant = merchantIdOf(other);
        ok(send(HttpRequest.DELETE("/api_keys/" + otherMerchant + "/key_" + otherMerchant)
                .header("api-key", ADMIN_KEY)));
        assertThat(error(get(key, "/payments/list"), 401)).containsEntry("code", "IR_01");
    }
}
