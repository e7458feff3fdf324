package dev.tender.app.storage;

import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals a connector account's credentials for the {@code connector_accounts.credentials} column:
 * {@code v1:<keyId>:<base64(nonce | ciphertext | tag)>}, AES-256-GCM with a random 96-bit nonce per value.
 * The format version, the key id and the row (merchant and account id) are the associated data, so a value
 * opens only in the row it was sealed for and under the key its prefix names: a value copied to another
 * row, a key id rewritten, or any byte changed is refused, never decrypted.
 *
 * <p>The same keys seal the cards held for a later confirm ({@link JdbcHeldCards}), under another purpose in
 * the associated data: a credentials value never opens as a card, nor a card as credentials.
 */
@Singleton
public final class CredentialsCipher {

    static final String VERSION = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Names the column, so a value sealed for another purpose with the same key does not open here. */
    private static final String PURPOSE = "connector_accounts.credentials";

    private final SecretKeys keys;
    private final String purpose;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public CredentialsCipher(SecretKeys keys) {
        this(keys, PURPOSE);
    }

    /** The cipher for values of another column, named by {@code purpose}; the row's two ids are its own. */
    CredentialsCipher(SecretKeys keys, String purpose) {
        this.keys = keys;
        this.purpose = purpose;
    }

    /** The credentials' text sealed under the active key for the merchant's account. */
    public String seal(String plaintext, String merchantId, String accountId) {
        String keyId = keys.activeId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.active(), nonce, keyId, merchantId, accountId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    /**
     * The text sealed in {@code stored} for the merchant's account, or why it does not open (never quoting
     * the value).
     */
    public Either<String, String> open(String stored, String merchantId, String accountId) {
        Option<String> keyId = keyIdOf(stored);
        if (keyId.isEmpty()) {
            return Either.left("not sealed in the " + VERSION + " format");
        }
        Option<SecretKey> key = keys.key(keyId.get());
        if (key.isEmpty()) {
            return Either.left("sealed under key id " + keyId.get() + ", which tender.secrets.keys does not hold");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(VERSION.length() + keyId.get().length() + 2));
        } catch (IllegalArgumentException notBase64) {
            return Either.left("damaged (not base64)");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            return Either.left("damaged (too short)");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), java.util.Arrays.copyOf(bytes, NONCE_BYTES),
                    keyId.get(), merchantId, accountId);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Either.right(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException tampered) {
            return Either.left("refused: damaged, or sealed for another row or key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
    }

    /** The key id a value is sealed under; none for a value not in the {@code v1} format (plain JSON). */
    public static Option<String> keyIdOf(String stored) {
        String prefix = VERSION + ":";
        if (stored == null || !stored.startsWith(prefix)) {
            return Option.none();
        }
        int end = stored.indexOf(':', prefix.length());
        return end > prefix.length() ? Option.some(stored.substring(prefix.length(), end)) : Option.none();
    }

    /** True if the value is in a sealed format ({@code v<n>:…}), known or not: only plain JSON is not. */
    static boolean looksSealed(String stored) {
        return stored != null && stored.matches("(?s)v[0-9]+:.*");
    }

    public SecretKeys keys() {
        return keys;
    }

    private Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId, String merchantId,
                          String accountId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData(keyId, merchantId, accountId));
        return cipher;
    }

    /** Each part with its length before it, so that no two different rows make the same bytes. */
    private byte[] associatedData(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : io.vavr.collection.List.of(purpose, VERSION).appendAll(java.util.List.of(parts))) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
