package dev.tender.connector.stripe;

import dev.tender.connector.kit.Requests;
import dev.tender.ports.out.ConnectorAccount;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Where, as whom and in which API version to call Stripe, read from a connector account: the secret key
 * from the credentials ({@code api_key}), the base URL and the API version from the settings
 * ({@code base_url}, default Stripe's; {@code api_version}, default {@value #DEFAULT_API_VERSION}).
 */
record StripeAccount(URI baseUrl, String secretKey, String apiVersion) {

    static final String DEFAULT_BASE_URL = "https://api.stripe.com";

    /**
     * The version whose objects the connector reads (and its tests' fakes replay): without it Stripe answers
     * in the account's default version, which changes when someone upgrades it in the Dashboard.
     */
    static final String DEFAULT_API_VERSION = "2024-06-20";

    /** A date, and since 2024-09-30 the release's name ({@code 2025-01-27.acacia}). */
    private static final String VERSION_FORMAT = "\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?";

    /** The account's Stripe settings, or why they cannot be used (nothing is sent then). */
    static Either<String, StripeAccount> of(ConnectorAccount account) {
        Option<String> key = account.credentials().get("api_key").filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            return Either.left("the connector account has no api_key credential (a Stripe secret key)");
        }
        String version = account.settings().get("api_version").getOrElse(DEFAULT_API_VERSION);
        if (!version.matches(VERSION_FORMAT)) {
            return Either.left("api_version is not a Stripe API version (like " + DEFAULT_API_VERSION + ")");
        }
        String base = account.settings().get("base_url").getOrElse(DEFAULT_BASE_URL);
        try {
            URI uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Either.left("base_url is not an absolute URL");
            }
            return Either.right(new StripeAccount(uri, key.get(), version));
        } catch (IllegalArgumentException e) {
            return Either.left("base_url is not a URL");
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    /** Every request: the secret key and the pinned API version. */
    HttpRequest.Builder headers(HttpRequest.Builder request) {
        return request.header("Authorization", Requests.bearer(secretKey)).header("Stripe-Version", apiVersion);
    }

    @Override
    public String toString() {
        return "StripeAccount[" + baseUrl + ", " + apiVersion + ", key ***]";
    }
}
