package dev.tender.client;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The client, ids and money most tests use, and the connector account and context they expect. */
final class ClientFixtures {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final String SECRET = "redirect-secret-0123456789abcdef";
    static final CallIds IDS = CallIds.of("order_42", "req_1");
    static final Money TEN_EUROS = Money.of(1000, Currency.EUR);
    static final PaymentMethodData.Card CARD = new PaymentMethodData.Card("4242424242424242", 12, 2030, "123",
            Option.none());
    static final Redirect CHALLENGE = new Redirect("https://acs.example/challenge", "POST",
            LinkedHashMap.of("creq", "abc"));

    private ClientFixtures() {
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A sandbox client of the fake with an API key, a redirect secret and a clock stopped at {@link #NOW}. */
    static PaymentClient.Builder builderFor(FakeConnector connector) {
        return PaymentClient.builder()
                .connector(connector)
                .apiKey("sk_test_1")
                .environment(Environment.SANDBOX)
                .redirectSecret(SECRET)
                .clock(clockAt(NOW));
    }

    static PaymentClient clientFor(FakeConnector connector) {
        return builderFor(connector).build();
    }

    /** The same client as {@link #clientFor}, its clock stopped at {@code instant}. */
    static PaymentClient clientAt(Instant instant, FakeConnector connector) {
        return builderFor(connector).clock(clockAt(instant)).build();
    }

    static ConnectorAccount expectedAccount() {
        return new ConnectorAccount("fake", MerchantId.of("sdk"), "fake", "fake (sandbox)", 0, true,
                Credentials.of(LinkedHashMap.of("api_key", "sk_test_1")), LinkedHashMap.of("environment", "sandbox"));
    }

    /** The context of a call with {@link #IDS} sending {@code idempotencyKey}. */
    static CallContext expectedContext(String idempotencyKey) {
        return new CallContext(expectedAccount(), idempotencyKey, PaymentId.of("order_42"), TransactionId.of("req_1"));
    }

    /** The decoded query parameters of a URL, in order. */
    static Map<String, String> queryOf(String url) {
        return List.of(URI.create(url).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .foldLeft(LinkedHashMap.empty(), (query, pair) -> query.put(decode(pair[0]), decode(pair[1])));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
