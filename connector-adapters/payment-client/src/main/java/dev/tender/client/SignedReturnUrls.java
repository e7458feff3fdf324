package dev.tender.client;

import dev.tender.application.RedirectSignatures;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The client's part of a return URL: the payment and request ids, signed, so the return can be trusted.
 * The request id is the nonce: one authorize call issues one redirect.
 */
final class SignedReturnUrls {

    static final String PAYMENT_ID = "payment_id";
    static final String REQUEST_ID = "request_id";
    static final Set<String> SIGNED = HashSet.of(PAYMENT_ID, REQUEST_ID, RedirectSignatures.ISSUED_AT,
            RedirectSignatures.NONCE, RedirectSignatures.SIGNATURE);

    private final RedirectSignatures signatures;
    private final byte[] secret;

    SignedReturnUrls(RedirectSignatures signatures, byte[] secret) {
        this.signatures = signatures;
        this.secret = secret.clone();
    }

    /** {@code returnUrl} with the signed parameters appended to its query (before any fragment). */
    String sign(String returnUrl, CallIds ids, Instant now) {
        int hash = returnUrl.indexOf('#');
        String base = hash < 0 ? returnUrl : returnUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : returnUrl.substring(hash);
        List<String> clashes = namesInQuery(base).filter(SIGNED::contains).distinct();
        if (!clashes.isEmpty()) {
            throw new InvalidRequestException("authorize request", List.of(
                    "returnUrl must not carry the parameters the client signs into it: " + clashes.mkString(", ")));
        }
        Map<String, String> signed = signatures.sign(secret,
                LinkedHashMap.of(PAYMENT_ID, ids.paymentId(), REQUEST_ID, ids.requestId()), now, ids.requestId());
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + signed.map(p -> encode(p._1) + "=" + encode(p._2)).mkString("&") + fragment;
    }

    /** Checks the signed parameters among all that came back; the processor's own are not covered. */
    Either<RedirectSignatures.Rejected, RedirectSignatures.Verified> verify(Map<String, String> parameters,
                                                                              Instant now) {
        if (parameters.exists(entry -> entry._1 == null || entry._2 == null)) {
            return Either.left(new RedirectSignatures.Rejected(RedirectSignatures.Reason.MALFORMED_PARAMETERS,
                    "a parameter name or value is null"));
        }
        return signatures.verify(secret, parameters.filterKeys(SIGNED::contains), now);
    }

    private static List<String> namesInQuery(String url) {
        int question = url.indexOf('?');
        if (question < 0) {
            return List.empty();
        }
        return List.of(url.substring(question + 1).split("&"))
                .filter(pair -> !pair.isEmpty())
                .map(pair -> decode(pair.split("=", 2)[0]));
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return name;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
