package dev.tender.app.storage;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.tender.app.storage.SecretKeyFixtures.keys;
import static dev.tender.app.storage.SecretKeyFixtures.randomKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys from configuration: each 32 bytes of base64 under a simple id, one of them active. */
class SecretKeysTest {

    @Test
    void noKeyIsRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> SecretKeys.of(Map.of(), "k1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tender.secrets.keys is not set").hasMessageContaining("openssl rand -base64 32")
                .hasMessageContaining("TENDER_SECRETS_KEYS_K1");
    }

    @Test
    void aKeyThatIsNot32BytesIsRefusedWithoutQuotingIt() {
        String short16 = randomKey(16);
        assertThatThrownBy(() -> keys("k1", short16, "k1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tender.secrets.keys.k1 is 16 bytes").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> keys("k1", randomKey(33), "k1")).hasMessageContaining("is 33 bytes");
        assertThatThrownBy(() -> keys("k1", "not*base64", "k1")).hasMessageContaining("is not base64")
                .hasMessageNotContaining("not*base64");
    }

    @Test
    void theActiveKeyMustBeConfiguredAndNamedAmongSeveral() {
        assertThatThrownBy(() -> keys("k1", randomKey(), "k2")).hasMessageContaining("active-key is k2");
        assertThatThrownBy(() -> SecretKeys.of(Map.of("k1", randomKey(), "k2", randomKey()), ""))
                .hasMessageContaining("tender.secrets.active-key is not set");
        assertThat(SecretKeys.of(Map.of("only", randomKey()), null).activeId()).isEqualTo("only");
    }

    @Test
    void anIdIsLowerCaseLettersAndDigits() {
        assertThatThrownBy(() -> keys("K1", randomKey(), "K1")).hasMessageContaining("key id 'K1'");
        assertThatThrownBy(() -> keys("k_1", randomKey(), "k_1")).hasMessageContaining("key id 'k_1'");
        assertThat(keys("k2026a", randomKey(), "k2026a").ids()).containsExactly("k2026a");
    }

    @Test
    void itsTextShowsTheIdsOnly() {
        String key = randomKey();
        assertThat(keys("k1", key, "k1").toString()).isEqualTo("SecretKeys[k1; active k1]").doesNotContain(key);
    }
}
