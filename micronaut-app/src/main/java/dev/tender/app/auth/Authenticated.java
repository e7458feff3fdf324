package dev.tender.app.auth;

import dev.tender.domain.payment.MerchantId;
import io.micronaut.http.HttpRequest;

/**
 * The merchant a request was authenticated as. The api-key filter sets it; controllers read it, and
 * every query they make is scoped to it.
 */
public final class Authenticated {

    public static final String MERCHANT_ATTRIBUTE = "tender.merchant";
    /** Set when the request came with the merchant's publishable key: a client, held to a client secret. */
    public static final String CLIENT_ATTRIBUTE = "tender.client";

    private Authenticated() {
    }

    public static MerchantId merchant(HttpRequest<?> request) {
        return request.getAttribute(MERCHANT_ATTRIBUTE, MerchantId.class)
                .orElseThrow(() -> new IllegalStateException("request was not authenticated: " + request.getPath()));
    }

    /** Whether the request came with a publishable key rather than a secret API key. */
    public static boolean client(HttpRequest<?> request) {
        return request.getAttribute(CLIENT_ATTRIBUTE, Boolean.class).orElse(false);
    }
}
