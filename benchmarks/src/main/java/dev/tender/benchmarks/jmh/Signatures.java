package dev.tender.benchmarks.jmh;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs the recorded notifications as the processors document it, independently of the connectors' own
 * code: a connector that accepts them verifies what Stripe and Adyen really send.
 */
final class Signatures {

    private Signatures() {
    }

    /** {@code Stripe-Signature}: {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.payload">}. */
    static String stripe(String secret, long at, byte[] payload) {
        byte[] signed = (at + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[signed.length + payload.length];
        System.arraycopy(signed, 0, whole, 0, signed.length);
        System.arraycopy(payload, 0, whole, signed.length, payload.length);
        return "t=" + at + ",v1=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), whole));
    }

    /**
     * Adyen's {@code hmacSignature}: Base64 HMAC-SHA256, under the hex key, of pspReference, originalReference,
     * merchantAccountCode, merchantReference, value, currency, eventCode and success joined by ':'.
     */
    static String adyen(String hexKey, String... fields) {
        byte[] data = String.join(":", fields).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(hmac(HexFormat.of().parseHex(hexKey), data));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
