package dev.tender.client;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Connectors;
import dev.tender.ports.out.Credentials;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.tender.client.ClientFixtures.IDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PaymentClientBuilderTest {

    final FakeConnector fake = new FakeConnector();
    final Connectors registry = name -> name.equals("fake") ? Option.some(fake) : Option.none();

    @Nested
    class TheAccountEveryCallCarries {

        @Test
        void byDefaultIsTheConnectorsSandboxAccountWithoutCredentials() {
            // when
            PaymentClient client = PaymentClient.builder().connector(fake).build();

            // then
            assertThat(client.account()).isEqualTo(new ConnectorAccount("fake", MerchantId.of("sdk"), "fake",
                    "fake (sandbox)", 0, true, Credentials.of(LinkedHashMap.empty()),
                    LinkedHashMap.of("environment", "sandbox")));
        }

        @Test
        void takesTheConnectorByNameFromARegistry() {
            // when
            PaymentClient client = PaymentClient.builder().connector("fake", registry).apiKey("sk_live_1")
                    .environment(Environment.PRODUCTION).build();

            // then
            assertThat(client.account().connectorName()).isEqualTo("fake");
            assertThat(client.account().credentials()).isEqualTo(Credentials.of(LinkedHashMap.of("api_key", "sk_live_1")));
            assertThat(client.account().settings()).isEqualTo(LinkedHashMap.of("environment", "production"));
            assertThat(client.capabilities()).isEqualTo(HashSet.of(Capability.MANUAL_CAPTURE, Capability.THREE_DS));
        }

        @Test
        void carriesCredentialsABaseUrlAndOtherSettings() {
            // when
            PaymentClient client = PaymentClient.builder().connector(fake)
                    .credentials(Map.of("key_id", "k1", "key_secret", "s1"))
                    .baseUrl("http://localhost:8089")
                    .setting("merchant_account", "ShopECOM")
                    .accountId("acc_1")
                    .merchantId("merchant_1")
                    .build();

            // then
            assertThat(client.account()).isEqualTo(new ConnectorAccount("acc_1", MerchantId.of("merchant_1"), "fake",
                    "fake (sandbox)", 0, true, Credentials.of(LinkedHashMap.of("key_id", "k1", "key_secret", "s1")),
                    LinkedHashMap.of("merchant_account", "ShopECOM", "environment", "sandbox",
                            "base_url", "http://localhost:8089")));
        }

        @Test
        void theLastCredentialsGivenWin() {
            // when
            PaymentClient client = PaymentClient.builder().connector(fake).apiKey("first")
                    .credentials(Credentials.of(LinkedHashMap.of("token", "second"))).build();

            // then
            assertThat(client.account().credentials()).isEqualTo(Credentials.of(LinkedHashMap.of("token", "second")));
        }

        @Test
        void theAccountIdIsPartOfEveryDerivedIdempotencyKey() {
            // given
            PaymentClient client = PaymentClient.builder().connector(fake).accountId("acc_2").build();

            // when / then
            assertThat(client.idempotencyKeyFor(IDS, TransactionKind.CAPTURE)).isEqualTo("req_1:capture:acc_2");
            assertThat(client.idempotencyKeyFor(IDS.withIdempotencyKey("mine"), TransactionKind.CAPTURE))
                    .isEqualTo("mine");
        }

        @Test
        void environmentAndBaseUrlAreSetByTheirOwnMethodsOnly() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> PaymentClient.builder().setting("environment", "production"))
                    .withMessage("set environment with its own builder method");
            assertThatIllegalArgumentException().isThrownBy(() -> PaymentClient.builder().setting("base_url", "x"));
        }
    }

    @Nested
    class AMisconfiguredClientIsNotBuilt {

        @Test
        void withoutAConnector() {
            assertThatIllegalStateException().isThrownBy(() -> PaymentClient.builder().build())
                    .withMessage("cannot build the payment client: no connector: set one, or a name and the registry "
                            + "holding it");
        }

        @Test
        void withAConnectorNameTheRegistryDoesNotKnow() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> PaymentClient.builder().connector("stripe", registry).build())
                    .withMessageContaining("no connector named 'stripe' in the registry");
        }

        @Test
        void andEveryProblemIsListedAtOnce() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> PaymentClient.builder().connector(fake)
                            .baseUrl("localhost:8080")
                            .redirectSecret("too short")
                            .accountId(" ")
                            .merchantId("merchant 1")
                            .build())
                    .withMessage("cannot build the payment client: base URL must be an absolute http(s) URL: "
                            + "localhost:8080; the redirect secret needs at least 32 bytes; account id must not be "
                            + "blank; merchant id must be 1-64 characters of letters, digits, '_', '-', '.', ':'");
        }

        @Test
        void withARedirectWindowThatIsNoWindow() {
            assertThatIllegalArgumentException().isThrownBy(() -> PaymentClient.builder()
                    .redirectFreshness(java.time.Duration.ZERO, java.time.Duration.ZERO));
        }
    }

    @Test
    void theRedirectSecretIsCopiedSoChangingTheCallersArrayChangesNothing() {
        // given
        byte[] secret = ClientFixtures.SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PaymentClient client = PaymentClient.builder().connector(fake).redirectSecret(secret)
                .clock(ClientFixtures.clockAt(ClientFixtures.NOW)).build();
        FakeConnector signer = new FakeConnector();
        ClientFixtures.clientFor(signer).authorize(AuthorizeTest.manual().withReturnUrl("https://shop.example/r"));
        String url = ((dev.tender.ports.out.ConnectorRequest.Authorize) signer.onlyRequest()).returnUrl().get();

        // when
        java.util.Arrays.fill(secret, (byte) 0);

        // then
        assertThat(client.verifyRedirectResponse(new VerifyRedirectRequest(ClientFixtures.queryOf(url))).status())
                .isEqualTo(VerifyRedirectResult.Status.VERIFIED);
    }
}
