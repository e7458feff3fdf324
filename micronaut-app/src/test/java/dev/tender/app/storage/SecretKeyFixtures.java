package dev.tender.app.storage;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Random AES-256 keys, base64 as configured, and key sets made of them. */
final class SecretKeyFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeyFixtures() {
    }

    static String randomKey() {
        return randomKey(32);
    }

    static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Ids and base64 keys, alternating; the last argument is the active id. */
    static SecretKeys keys(String... idsKeysAndActive) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i + 1 < idsKeysAndActive.length; i += 2) {
            keys.put(idsKeysAndActive[i], idsKeysAndActive[i + 1]);
        }
        return SecretKeys.of(keys, idsKeysAndActive[idsKeysAndActive.length - 1]);
    }
}
