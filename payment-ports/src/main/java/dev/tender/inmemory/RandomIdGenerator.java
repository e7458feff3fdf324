package dev.tender.inmemory;

import dev.tender.ports.out.IdGenerator;

import java.security.SecureRandom;

/** Ids as Hyperswitch forms them: a prefix, '_' and 26 random lower-case letters and digits. */
public final class RandomIdGenerator implements IdGenerator {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    @Override
    public String next(String prefix) {
        char[] id = new char[26];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(id);
    }
}
