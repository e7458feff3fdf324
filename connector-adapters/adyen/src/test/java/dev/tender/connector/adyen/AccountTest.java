package dev.tender.connector.adyen;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static dev.tender.connector.adyen.AdyenFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

/** What the connector reads of a Tender account, and the Idempotency-Key it derives. */
class AccountTest {

    private static ConnectorAccount account(Map<String, String> credentials, Map<String, String> settings) {
        return new ConnectorAccount("mca_adyen_1", MerchantId.of("merchant_1"), "adyen", "Adyen", 1, true,
                Credentials.of(credentials), settings);
    }

    @Test
    void withoutABaseUrlTheCallsGoToAdyensTestEndpoint() {
        ConnectorAccount account = account(HashMap.of("api_key", "k"), HashMap.of("merchant_account", "M"));

        HttpRequest request = AdyenAccount.of(account).get().post("/payments", "{}", context(account)).build();

        assertThat(request.uri()).hasToString("https://checkout-test.adyen.com/v71/payments");
    }

    @Test
    void withoutAnApiKeyTheAccountCannotBeCalled() {
        ConnectorAccount account = account(HashMap.empty(), HashMap.of("merchant_account", "M"));

        assertThat(AdyenAccount.of(account).getLeft()).contains("api_key");
    }

    @Test
    void withoutAMerchantAccountTheAccountCannotBeCalled() {
        ConnectorAccount account = account(HashMap.of("api_key", "k"), HashMap.empty());

        assertThat(AdyenAccount.of(account).getLeft()).contains("merchant_account");
    }

    @Test
    void theApiKeyNeverShowsInToString() {
        ConnectorAccount account = account(HashMap.of("api_key", "AQE_secret"), HashMap.of("merchant_account", "M"));

        assertThat(AdyenAccount.of(account).get().toString()).doesNotContain("AQE_secret");
    }

    @Test
    void aKeyUpTo64CharactersIsSentAsItIs() {
        String key = "k".repeat(64);

        assertThat(AdyenAccount.idempotencyKey(key)).isEqualTo(key);
    }

    @Test
    void aLongerKeyIsHashedTheSameWayEveryTime() {
        String key = "tx_0123456789abcdef0123456789abcdef:mca_0123456789abcdef0123456789abcdef";

        String sent = AdyenAccount.idempotencyKey(key);

        assertThat(sent).hasSize(64).isEqualTo(AdyenAccount.idempotencyKey(key))
                .isNotEqualTo(AdyenAccount.idempotencyKey(key + ":complete"));
    }
}
