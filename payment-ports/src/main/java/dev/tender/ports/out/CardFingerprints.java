package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed fingerprints of card numbers: HMAC-SHA256 of the number under a key of the merchant's own, derived from a
 * secret. A plain hash of a number could be reversed by hashing every number of a BIN; without the secret a
 * fingerprint tells nothing, and the same card gives unrelated fingerprints at two merchants.
 */
public final class CardFingerprints {

    private static final String HMAC = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 32;
    /** Names the use, so that a key derived here is never the key of another use of the same secret. */
    private static final String PURPOSE = "tender card vault fingerprint v1";

    private final byte[] secret;

    public CardFingerprints(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a fingerprint secret has at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.secret = secret.clone();
    }

    /** 64 hex digits; the same for the same number and merchant, and only then. */
    public String of(MerchantId merchantId, String number) {
        byte[] merchantKey = hmac(secret, PURPOSE + ":" + merchantId.value().length() + ":" + merchantId.value());
        return HexFormat.of().formatHex(hmac(merchantKey, number));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JDK", e);
        }
    }
}
