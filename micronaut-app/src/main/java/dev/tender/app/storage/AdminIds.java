package dev.tender.app.storage;

import java.security.SecureRandom;

/** Ids of admin resources as Hyperswitch makes them: a prefix and 20 random letters and digits. */
public final class AdminIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    /** Merchant, organization and profile ids: letters, digits, {@code _} and {@code -}, up to 64. */
    public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";

    private AdminIds() {
    }

    public static String newId(String prefix) {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(id);
    }
}
