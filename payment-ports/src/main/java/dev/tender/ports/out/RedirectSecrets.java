package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;

/** Each merchant's secret for signing redirect return URLs (at least 32 bytes). */
@FunctionalInterface
public interface RedirectSecrets {
    byte[] secretFor(MerchantId merchantId);
}
