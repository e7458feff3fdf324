package dev.tender.inmemory;

import dev.tender.ports.out.IdGenerator;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Ids as Hyperswitch forms them: a prefix, '_' and 26 random lower-case letters and digits, uniformly drawn
 * (about 134 bits). One draw of random bytes per id from a DRBG, not one per character: every write names new
 * ids (payments, transactions, events), and a draw from the system's entropy source per character showed in
 * the service's profile.
 */
public final class RandomIdGenerator implements IdGenerator {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int LENGTH = 26;
    /** Bytes at or above this are drawn again, so that each of the 36 characters is equally likely. */
    private static final int UNBIASED = 256 - 256 % ALPHABET.length;

    private final SecureRandom random;

    public RandomIdGenerator() {
        SecureRandom drbg;
        try {
            drbg = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            drbg = new SecureRandom();
        }
        this.random = drbg;
    }

    @Override
    public String next(String prefix) {
        char[] id = new char[LENGTH];
        byte[] bytes = new byte[LENGTH + 8];
        int filled = 0;
        while (filled < LENGTH) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < LENGTH; i++) {
                int b = bytes[i] & 0xff;
                if (b < UNBIASED) {
                    id[filled++] = ALPHABET[b % ALPHABET.length];
                }
            }
        }
        return prefix + "_" + new String(id);
    }
}
