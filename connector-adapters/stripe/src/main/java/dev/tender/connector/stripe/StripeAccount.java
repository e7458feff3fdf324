package dev.tender.connector.stripe;

import dev.tender.ports.out.ConnectorAccount;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.URI;

/**
 * Where and as whom to call Stripe, read from a connector account: the secret key from the
 * credentials ({@code api_key}), the base URL from the settings ({@code base_url}, default Stripe's).
 */
record StripeAccount(URI baseUrl, String secretKey) {

    static final String DEFAULT_BASE_URL = "https://api.stripe.com";

    /** The account's Stripe settings, or why they cannot be used (nothing is sent then). */
    static Either<String, StripeAccount> of(ConnectorAccount account) {
        Option<String> key = account.credentials().get("api_key").filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            return Either.left("the connector account has no api_key credential (a Stripe secret key)");
        }
        String base = account.settings().get("base_url").getOrElse(DEFAULT_BASE_URL);
        try {
            URI uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Either.left("base_url is not an absolute URL");
            }
            return Either.right(new StripeAccount(uri, key.get()));
        } catch (IllegalArgumentException e) {
            return Either.left("base_url is not a URL");
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    @Override
    public String toString() {
        return "StripeAccount[" + baseUrl + ", key ***]";
    }
}
