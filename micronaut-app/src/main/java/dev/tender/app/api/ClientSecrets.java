package dev.tender.app.api;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.RedirectSecrets;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A payment's {@code client_secret}, Hyperswitch's {@code {payment_id}_secret_{token}}: the token is an
 * HMAC-SHA256 of the payment id under the merchant's secret (the one that signs redirects, from
 * {@code tender.redirect-secret}), so it is stored nowhere and every instance sharing that setting
 * computes and checks the same one.
 */
@Singleton
public class ClientSecrets {

    private static final String SEPARATOR = "_secret_";
    private static final int TOKEN_CHARACTERS = 24;

    private final RedirectSecrets secrets;

    public ClientSecrets(RedirectSecrets secrets) {
        this.secrets = secrets;
    }

    public String of(MerchantId merchant, PaymentId payment) {
        return payment.value() + SEPARATOR + token(merchant, payment);
    }

    /** Whether the text is this payment's client secret (compared in constant time). */
    public boolean matches(MerchantId merchant, PaymentId payment, String candidate) {
        return MessageDigest.isEqual(of(merchant, payment).getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The payment id a client secret names, if it has the form of one. */
    public static java.util.Optional<String> paymentIdOf(String clientSecret) {
        int at = clientSecret.lastIndexOf(SEPARATOR);
        return at <= 0 ? java.util.Optional.empty() : java.util.Optional.of(clientSecret.substring(0, at));
    }

    private String token(MerchantId merchant, PaymentId payment) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secretFor(merchant), "HmacSHA256"));
            byte[] digest = mac.doFinal(("client_secret:" + payment.value()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, TOKEN_CHARACTERS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
