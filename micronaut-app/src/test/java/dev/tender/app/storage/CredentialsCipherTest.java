package dev.tender.app.storage;

import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static dev.tender.app.storage.SecretKeyFixtures.keys;
import static dev.tender.app.storage.SecretKeyFixtures.randomKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Credentials sealed for their row open there, and only there, under the key their prefix names. */
class CredentialsCipherTest {

    static final String SECRET = "{\"api_key\":\"sk_live_very_secret_4242\"}";
    final String k1 = randomKey();
    final String k2 = randomKey();
    final CredentialsCipher cipher = new CredentialsCipher(keys("k1", k1, "k2", k2, "k1"));

    @Test
    void aSealedValueOpensInItsRowAndHoldsNoClearText() {
        // when
        String sealed = cipher.seal(SECRET, "m_1", "mca_1");

        // then
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("sk_live").doesNotContain("api_key");
        assertThat(cipher.open(sealed, "m_1", "mca_1")).isEqualTo(Either.right(SECRET));
        assertThat(Base64.getDecoder().decode(sealed.substring("v1:k1:".length())))
                .as("12-byte nonce, the text, 16-byte tag").hasSize(12 + SECRET.length() + 16);
    }

    @Test
    void sealingTheSameTextTwiceMakesDifferentValues() {
        // when
        String first = cipher.seal(SECRET, "m_1", "mca_1");
        String second = cipher.seal(SECRET, "m_1", "mca_1");

        // then: a fresh nonce each time
        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.open(second, "m_1", "mca_1")).isEqualTo(Either.right(SECRET));
    }

    @Test
    void everyFlippedByteIsRefused() {
        // given
        String sealed = cipher.seal(SECRET, "m_1", "mca_1");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));

        for (int i = 0; i < bytes.length; i++) {
            // when
            byte[] damaged = bytes.clone();
            damaged[i] ^= 0x01;
            String stored = "v1:k1:" + Base64.getEncoder().encodeToString(damaged);

            // then
            assertThat(cipher.open(stored, "m_1", "mca_1").isLeft()).as("byte %d flipped", i).isTrue();
        }
    }

    @Test
    void anotherRowsValueIsRefused() {
        // given
        String sealed = cipher.seal(SECRET, "m_1", "mca_1");

        // then
        assertThat(cipher.open(sealed, "m_1", "mca_2").isLeft()).isTrue();
        assertThat(cipher.open(sealed, "m_2", "mca_1").isLeft()).isTrue();
        // the parts are length-prefixed: moving a character from one id to the other is another row
        assertThat(cipher.open(cipher.seal(SECRET, "m_1", "1mca"), "m_11", "mca").isLeft()).isTrue();
    }

    @Test
    void aValueUnderAnUnknownKeyIdOrRelabelledWithAnotherIdIsRefused() {
        // given
        String sealed = cipher.seal(SECRET, "m_1", "mca_1");
        String body = sealed.substring("v1:k1:".length());

        // then
        assertThat(cipher.open("v1:k9:" + body, "m_1", "mca_1")).isEqualTo(Either.left("sealed under key id k9, "
                + "which tender.secrets.keys does not hold"));
        assertThat(cipher.open("v1:k2:" + body, "m_1", "mca_1").isLeft()).as("the key id is bound in").isTrue();
        assertThat(new CredentialsCipher(keys("k2", k2, "k2")).open(sealed, "m_1", "mca_1").isLeft()).isTrue();
    }

    @Test
    void plainJsonAndOtherFormatsAreRefused() {
        assertThat(cipher.open(SECRET, "m_1", "mca_1").isLeft()).isTrue();
        assertThat(cipher.open("v2:k1:AAAA", "m_1", "mca_1").isLeft()).isTrue();
        assertThat(cipher.open("v1:k1:not base64!", "m_1", "mca_1").isLeft()).isTrue();
        assertThat(cipher.open("v1:k1:AAAA", "m_1", "mca_1")).isEqualTo(Either.left("damaged (too short)"));
    }

    @Test
    void aValueSealedUnderTheFormerActiveKeyStillOpens() {
        // given
        String underK1 = cipher.seal(SECRET, "m_1", "mca_1");
        CredentialsCipher rotated = new CredentialsCipher(keys("k1", k1, "k2", k2, "k2"));

        // when
        String underK2 = rotated.seal(SECRET, "m_1", "mca_1");

        // then
        assertThat(rotated.open(underK1, "m_1", "mca_1")).isEqualTo(Either.right(SECRET));
        assertThat(underK2).startsWith("v1:k2:");
        assertThat(cipher.open(underK2, "m_1", "mca_1")).isEqualTo(Either.right(SECRET));
    }
}
