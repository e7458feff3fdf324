package dev.tender.application;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.MerchantReturnUrls;
import dev.tender.ports.out.RedirectSecrets;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URL a connector sends the customer back to after 3DS or a bank page: Tender's return endpoint,
 * on Hyperswitch's path {@code {base}/payments/{payment_id}/{merchant_id}/redirect/complete/{connector}},
 * with the path's three names signed and the signature's issued-at, nonce and MAC in the query. The
 * names live in the path so the URL stays short (3DS2 allows a notification URL of 256 characters);
 * the signature covers them all the same.
 *
 * <p>With such an endpoint the connector never sees the merchant's {@code return_url}: it is kept here
 * and the browser goes on to it once the return is verified.
 */
final class ReturnUrls {

    static final String PAYMENT_ID = "payment_id";
    static final String MERCHANT_ID = "merchant_id";
    static final String CONNECTOR = "connector";
    /** What the signature covers besides its own three parameters, taken from the return URL's path. */
    static final Set<String> FROM_PATH = HashSet.of(PAYMENT_ID, MERCHANT_ID, CONNECTOR);

    private final Option<String> base;
    private final MerchantReturnUrls merchantUrls;
    private final RedirectSecrets secrets;
    private final RedirectSignatures signatures;
    private final Clock clock;

    ReturnUrls(Option<String> base, MerchantReturnUrls merchantUrls, RedirectSecrets secrets,
               RedirectSignatures signatures, Clock clock) {
        this.base = base.map(ReturnUrls::requireBase);
        this.merchantUrls = merchantUrls;
        this.secrets = secrets;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** Empty when no return endpoint is configured (then the merchant's own return URL is used). */
    Option<String> forPayment(MerchantId merchantId, PaymentId paymentId, String connector) {
        return base.map(url -> url + "/payments/" + segment(paymentId.value()) + "/" + segment(merchantId.value())
                + "/redirect/complete/" + segment(connector) + "?"
                + query(signed(merchantId, paymentId, connector).removeAll(FROM_PATH)));
    }

    /** Keeps the merchant's return URL when Tender's endpoint stands in front of it; else it goes to the connector. */
    void remember(MerchantId merchantId, PaymentId paymentId, Option<String> merchantUrl) {
        if (base.isDefined() && merchantUrl.isDefined()) {
            merchantUrls.keep(merchantId, paymentId, merchantUrl.get());
        }
    }

    Option<String> merchantUrl(MerchantId merchantId, PaymentId paymentId) {
        return base.isDefined() ? merchantUrls.find(merchantId, paymentId) : Option.none();
    }

    static Map<String, String> fromPath(MerchantId merchantId, PaymentId paymentId, String connector) {
        return LinkedHashMap.of(PAYMENT_ID, paymentId.value(), MERCHANT_ID, merchantId.value(), CONNECTOR, connector);
    }

    private Map<String, String> signed(MerchantId merchantId, PaymentId paymentId, String connector) {
        return signatures.sign(secrets.secretFor(merchantId), fromPath(merchantId, paymentId, connector),
                clock.now(), clock.ids().next("rdr"));
    }

    /** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
    private static String requireBase(String base) {
        try {
            URI uri = new URI(base);
            if (uri.isAbsolute() && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && (uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            }
        } catch (URISyntaxException invalid) {
            // refused below
        }
        throw new IllegalArgumentException("the return URL base must be an absolute http(s) URL without query or "
                + "fragment: " + base);
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> parameters) {
        return parameters.map(p -> URLEncoder.encode(p._1, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p._2, StandardCharsets.UTF_8)).mkString("&");
    }
}
