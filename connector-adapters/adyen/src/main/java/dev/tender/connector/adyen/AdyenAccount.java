package dev.tender.connector.adyen;

import dev.tender.connector.kit.Requests;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an Adyen call needs of a Tender connector account: the {@code api_key} credential (sent as
 * {@code X-API-Key}), the {@code merchant_account} setting (every body names it) and the
 * {@code base_url} setting, the test endpoint by default. Its {@link #toString()} hides the key.
 */
final class AdyenAccount {

    static final String API_KEY = "api_key";
    static final String MERCHANT_ACCOUNT = "merchant_account";
    static final String BASE_URL = "base_url";
    static final String TEST_BASE_URL = "https://checkout-test.adyen.com/v71";

    /** Adyen refuses longer keys; a longer Tender key is hashed, the same on every retry. */
    static final int MAX_IDEMPOTENCY_KEY = 64;

    private final String baseUrl;
    private final String apiKey;
    private final String merchantAccount;

    private AdyenAccount(String baseUrl, String apiKey, String merchantAccount) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.merchantAccount = merchantAccount;
    }

    /** The account's Adyen side, or why it cannot be called (a configuration problem: nothing is sent). */
    static Either<String, AdyenAccount> of(ConnectorAccount account) {
        Option<String> apiKey = account.credentials().get(API_KEY).filter(k -> !k.isBlank());
        Option<String> merchant = account.settings().get(MERCHANT_ACCOUNT).filter(m -> !m.isBlank());
        String baseUrl = account.settings().get(BASE_URL).filter(u -> !u.isBlank()).getOrElse(TEST_BASE_URL);
        if (apiKey.isEmpty()) {
            return Either.left("connector account " + account.id() + " has no " + API_KEY + " credential");
        }
        if (merchant.isEmpty()) {
            return Either.left("connector account " + account.id() + " has no " + MERCHANT_ACCOUNT + " setting");
        }
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            return Either.left("connector account " + account.id() + " has a " + BASE_URL + " that is not http(s)");
        }
        return Either.right(new AdyenAccount(baseUrl, apiKey.get(), merchant.get()));
    }

    String merchantAccount() {
        return merchantAccount;
    }

    HttpRequest.Builder post(String path, Object body, CallContext context) {
        return Requests.postJson(URI.create(baseUrl + path), body)
                .header("X-API-Key", apiKey)
                .header("Idempotency-Key", idempotencyKey(context.idempotencyKey()));
    }

    /** {@code /payments/{pspReference}/{modification}}, the reference escaped: it comes from outside. */
    static String modificationPath(String pspReference, String modification) {
        return "/payments/" + URLEncoder.encode(pspReference, StandardCharsets.UTF_8) + "/" + modification;
    }

    static String idempotencyKey(String tenderKey) {
        if (tenderKey.length() <= MAX_IDEMPOTENCY_KEY) {
            return tenderKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tenderKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AdyenAccount[" + baseUrl + ", merchant " + merchantAccount + ", api key ***]";
    }
}
