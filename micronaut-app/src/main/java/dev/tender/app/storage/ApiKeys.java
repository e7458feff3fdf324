package dev.tender.app.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** API keys: generated with a recognisable prefix, stored only as SHA-256, compared in constant time. */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private ApiKeys() {
    }

    /** A new key: {@code prefix_} and 48 random characters (about 285 bits). */
    public static String generate(String prefix) {
        char[] key = new char[48];
        for (int i = 0; i < key.length; i++) {
            key[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(key);
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Constant-time equality of two keys (or hashes), whatever their lengths. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(hash(a).getBytes(StandardCharsets.US_ASCII),
                hash(b).getBytes(StandardCharsets.US_ASCII));
    }
}
