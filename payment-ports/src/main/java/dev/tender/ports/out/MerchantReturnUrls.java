package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import io.vavr.control.Option;

/**
 * The merchant's {@code return_url} of each payment, kept while Tender's own return endpoint stands
 * between the processor's page and the merchant: the processor is given Tender's signed URL, and the
 * customer's browser goes on to the merchant's once the return is verified.
 */
public interface MerchantReturnUrls {

    /** Keeps the URL, replacing one kept before (a confirm's {@code return_url} overrides the create's). */
    void keep(MerchantId merchantId, PaymentId paymentId, String returnUrl);

    Option<String> find(MerchantId merchantId, PaymentId paymentId);
}
