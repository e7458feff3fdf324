package dev.tender.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an idempotency key is bound to: a digest of the command as text. Commands are records, so the
 * text lists every field; a card shows as brand, BIN, last four and expiry, never its number.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(String operation, Object command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((operation + "\n" + command).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
