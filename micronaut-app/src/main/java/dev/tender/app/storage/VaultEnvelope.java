package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.CardFingerprints;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The card vault's envelope encryption. A card's values are sealed with AES-256-GCM under a random data key of
 * their own; the data key is wrapped with AES-256-GCM under a key derived (HMAC-SHA256, a label of the vault's
 * own) from a {@code tender.secrets} master key, so the master key itself never encrypts a card and a credentials
 * value never opens here. The associated data of each seal names its purpose, the merchant and the token (and,
 * for the data key, the master key id): a value moved to another row, or a key id rewritten, is refused.
 * Every value is {@code nonce (12 bytes) | ciphertext | tag (16 bytes)}.
 */
final class VaultEnvelope {

    static final String DATA_KEY = "vaulted_cards.wrapped_key";
    static final String NUMBER = "vaulted_cards.sealed_number";
    static final String HOLDER = "vaulted_cards.sealed_holder";
    private static final String VERSION = "v1";
    private static final String WRAPPING_LABEL = "tender card vault data key wrapping v1";
    private static final int DATA_KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A card's data key wrapped under a master key. */
    record Wrapped(String keyId, byte[] wrappedKey) {
    }

    private final SecretKeys keys;
    private final SecureRandom random = new SecureRandom();

    VaultEnvelope(SecretKeys keys) {
        this.keys = keys;
    }

    SecretKeys keys() {
        return keys;
    }

    /** A new random data key. */
    byte[] newDataKey() {
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        random.nextBytes(dataKey);
        return dataKey;
    }

    /** The data key wrapped under the active master key, for the merchant's token. */
    Wrapped wrap(byte[] dataKey, String merchantId, String token) {
        String keyId = keys.activeId();
        return new Wrapped(keyId, seal(wrappingKey(keys.active()), dataKey, DATA_KEY, keyId, merchantId, token));
    }

    /** The data key, or why it does not open (never quoting a value). */
    Either<String, byte[]> unwrap(Wrapped wrapped, String merchantId, String token) {
        Option<SecretKey> master = keys.key(wrapped.keyId());
        if (master.isEmpty()) {
            return Either.left("its data key is wrapped under key id " + wrapped.keyId()
                    + ", which tender.secrets.keys does not hold");
        }
        return open(wrappingKey(master.get()), wrapped.wrappedKey(), DATA_KEY, wrapped.keyId(), merchantId, token);
    }

    /** The text sealed under the data key for the purpose ({@link #NUMBER}, {@link #HOLDER}) and row. */
    byte[] sealText(byte[] dataKey, String text, String purpose, String merchantId, String token) {
        return seal(new SecretKeySpec(dataKey, "AES"), text.getBytes(StandardCharsets.UTF_8), purpose, merchantId,
                token);
    }

    Either<String, String> openText(byte[] dataKey, byte[] sealed, String purpose, String merchantId, String token) {
        return open(new SecretKeySpec(dataKey, "AES"), sealed, purpose, merchantId, token)
                .map(plain -> new String(plain, StandardCharsets.UTF_8));
    }

    /** The number's fingerprint under the active master key. */
    String fingerprint(MerchantId merchantId, String number) {
        return new CardFingerprints(keys.active().getEncoded()).of(merchantId, number);
    }

    /** The number's fingerprints under every configured master key, the active key's first. */
    List<String> fingerprints(MerchantId merchantId, String number) {
        return List.of(fingerprint(merchantId, number)).appendAll(keys.ids().remove(keys.activeId())
                .map(id -> new CardFingerprints(keys.key(id).get().getEncoded()).of(merchantId, number)));
    }

    private byte[] seal(SecretKey key, byte[] plain, String purpose, String... row) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(purpose, row));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    private Either<String, byte[]> open(SecretKey key, byte[] sealed, String purpose, String... row) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            return Either.left("refused: damaged (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, NONCE_BYTES)));
            cipher.updateAAD(associatedData(purpose, row));
            return Either.right(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
        } catch (AEADBadTagException refused) {
            return Either.left("refused: damaged, moved from another row, or not sealed under this key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    /** The master key's wrapping key: derived, so that the master key never wraps anything itself. */
    private static SecretKey wrappingKey(SecretKey master) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master.getEncoded(), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(WRAPPING_LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }

    /** Each part with its length before it, so that no two different rows make the same bytes. */
    private static byte[] associatedData(String purpose, String... row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : List.of(purpose, VERSION).appendAll(Arrays.asList(row))) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
