package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyed fingerprints: equal only for the same number, merchant and secret. */
class CardFingerprintsTest {

    static final MerchantId MERCHANT = MerchantId.of("mer_1");

    static byte[] secret(int fill, int length) {
        byte[] secret = new byte[length];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    @Test
    void theSameNumberMerchantAndSecretGiveTheSameFingerprintOfSixtyFourHexDigits() {
        // when
        String first = new CardFingerprints(secret(1, 32)).of(MERCHANT, "4242424242424242");
        String second = new CardFingerprints(secret(1, 32)).of(MERCHANT, "4242424242424242");

        // then
        assertThat(first).isEqualTo(second).matches("[0-9a-f]{64}");
    }

    @Test
    void anotherNumberMerchantOrSecretGivesAnotherFingerprint() {
        // given
        CardFingerprints fingerprints = new CardFingerprints(secret(1, 32));
        String fingerprint = fingerprints.of(MERCHANT, "4242424242424242");

        // then
        assertThat(fingerprints.of(MERCHANT, "4242424242424243")).isNotEqualTo(fingerprint);
        assertThat(fingerprints.of(MerchantId.of("mer_2"), "4242424242424242")).isNotEqualTo(fingerprint);
        assertThat(new CardFingerprints(secret(2, 32)).of(MERCHANT, "4242424242424242")).isNotEqualTo(fingerprint);
    }

    @Test
    void theSecretIsCopiedSoThatChangingTheArrayLaterChangesNothing() {
        // given
        byte[] secret = secret(1, 32);
        CardFingerprints fingerprints = new CardFingerprints(secret);
        String before = fingerprints.of(MERCHANT, "4242424242424242");

        // when
        Arrays.fill(secret, (byte) 9);

        // then
        assertThat(fingerprints.of(MERCHANT, "4242424242424242")).isEqualTo(before);
    }

    @Test
    void aSecretShorterThanThirtyTwoBytesIsRefused() {
        // then
        assertThat(new CardFingerprints(secret(1, 32))).isNotNull();
        assertThatThrownBy(() -> new CardFingerprints(secret(1, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
    }
}
