package dev.tender.application;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.RedirectSecrets;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URL a connector sends the customer back to after 3DS or a bank page: Tender's return endpoint
 * with the payment and merchant ids signed, so the return can be verified and not replayed.
 */
final class ReturnUrls {

    static final String PAYMENT_ID = "payment_id";
    static final String MERCHANT_ID = "merchant_id";

    private final Option<String> base;
    private final RedirectSecrets secrets;
    private final RedirectSignatures signatures;
    private final Clock clock;

    ReturnUrls(Option<String> base, RedirectSecrets secrets, RedirectSignatures signatures, Clock clock) {
        this.base = base;
        this.secrets = secrets;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** Empty when no return endpoint is configured (then the merchant's own return URL is used). */
    Option<String> forPayment(MerchantId merchantId, PaymentId paymentId) {
        return base.map(url -> url + (url.contains("?") ? "&" : "?") + query(signed(merchantId, paymentId)));
    }

    Map<String, String> signed(MerchantId merchantId, PaymentId paymentId) {
        return signatures.sign(secrets.secretFor(merchantId),
                LinkedHashMap.of(PAYMENT_ID, paymentId.value(), MERCHANT_ID, merchantId.value()), clock.now(),
                clock.ids().next("rdr"));
    }

    private static String query(Map<String, String> parameters) {
        return parameters.map(p -> URLEncoder.encode(p._1, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p._2, StandardCharsets.UTF_8)).mkString("&");
    }
}
