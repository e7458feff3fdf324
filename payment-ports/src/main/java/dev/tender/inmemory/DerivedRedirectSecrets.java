package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.RedirectSecrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** One master secret, and per merchant the HMAC-SHA256 of its id under it: nothing to store per merchant. */
public final class DerivedRedirectSecrets implements RedirectSecrets {

    private final byte[] master;

    public DerivedRedirectSecrets(byte[] master) {
        if (master.length < 32) {
            throw new IllegalArgumentException("the master secret needs at least 32 bytes");
        }
        this.master = master.clone();
    }

    @Override
    public byte[] secretFor(MerchantId merchantId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(merchantId.value().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
