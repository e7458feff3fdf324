package dev.tender.client;

import dev.tender.application.RedirectSignatures.Reason;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static dev.tender.client.ClientFixtures.CARD;
import static dev.tender.client.ClientFixtures.CHALLENGE;
import static dev.tender.client.ClientFixtures.IDS;
import static dev.tender.client.ClientFixtures.NOW;
import static dev.tender.client.ClientFixtures.TEN_EUROS;
import static dev.tender.client.ClientFixtures.builderFor;
import static dev.tender.client.ClientFixtures.clientAt;
import static dev.tender.client.ClientFixtures.clientFor;
import static dev.tender.client.ClientFixtures.queryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifyRedirectResponseTest {

    final FakeConnector connector = new FakeConnector().answering(new Outcome.RequiresAction(CHALLENGE));
    final PaymentClient client = clientFor(connector);

    /** The parameters the browser brings back: ours, signed into the return URL, plus the processor's. */
    Map<String, String> returnedFromTheChallenge() {
        client.authorize(AuthorizeRequest.of(IDS, TEN_EUROS, CARD, CaptureMethod.MANUAL)
                .withReturnUrl("https://shop.example/return"));
        String returnUrl = ((ConnectorRequest.Authorize) connector.onlyRequest()).returnUrl().get();
        return queryOf(returnUrl).put("PaRes", "eJzN...").put("MD", "session-1");
    }

    @Nested
    class AGenuineReturn {

        @Test
        void isVerifiedWithItsIdsAndTheProcessorsParametersApart() {
            // given
            Map<String, String> returned = returnedFromTheChallenge();

            // when
            VerifyRedirectResult result = client.verifyRedirectResponse(new VerifyRedirectRequest(returned));

            // then
            assertThat(result).isEqualTo(new VerifyRedirectResult(VerifyRedirectResult.Status.VERIFIED,
                    Option.some("order_42"), Option.some("req_1"),
                    LinkedHashMap.of("PaRes", "eJzN...", "MD", "session-1"),
                    returned.get("tender_signature"), Option.some(NOW.plus(Duration.ofMinutes(15))), Option.none(),
                    Option.none()));
        }

        @Test
        void callsNoConnector() {
            // given
            Map<String, String> returned = returnedFromTheChallenge();

            // when
            client.verifyRedirectResponse(new VerifyRedirectRequest(returned));

            // then
            assertThat(connector.requests()).hasSize(1).first().isInstanceOf(ConnectorRequest.Authorize.class);
        }

        @Test
        void isVerifiedFromAJavaMapAsAWebFrameworkGivesIt() {
            // given
            java.util.Map<String, String> returned = returnedFromTheChallenge().toJavaMap();

            // when
            VerifyRedirectResult result = client.verifyRedirectResponse(VerifyRedirectRequest.of(returned));

            // then
            assertThat(result.status()).isEqualTo(VerifyRedirectResult.Status.VERIFIED);
        }

        @Test
        void isVerifiedUntilTheEndOfTheWindowByAnotherClientWithTheSameSecret() {
            // given
            Map<String, String> returned = returnedFromTheChallenge();
            PaymentClient later = clientAt(NOW.plus(Duration.ofMinutes(15)), new FakeConnector());

            // when
            VerifyRedirectResult result = later.verifyRedirectResponse(new VerifyRedirectRequest(returned));

            // then
            assertThat(result.status()).isEqualTo(VerifyRedirectResult.Status.VERIFIED);
        }

        @Test
        void isVerifiedAgainAndAgainBecauseTheClientKeepsNoStateSoReplayNeedsTheCallersStore() {
            // given
            Map<String, String> returned = returnedFromTheChallenge();
            Set<String> used = new HashSet<>();

            // when
            VerifyRedirectResult first = client.verifyRedirectResponse(new VerifyRedirectRequest(returned));
            VerifyRedirectResult second = client.verifyRedirectResponse(new VerifyRedirectRequest(returned));

            // then
            assertThat(second).isEqualTo(first);
            assertThat(used.add(first.replayKey().get())).isTrue();
            assertThat(used.add(second.replayKey().get())).as("the store sees the replay").isFalse();
        }
    }

    @Nested
    class AForgedOrStaleReturnIsRejected {

        @ParameterizedTest
        @ValueSource(strings = {"payment_id", "request_id", "tender_issued_at", "tender_nonce"})
        void whenASignedParameterWasChanged(String name) {
            // given
            Map<String, String> tampered = returnedFromTheChallenge().computeIfPresent(name, (k, v) -> v + "1")._2;

            // when
            VerifyRedirectResult result = client.verifyRedirectResponse(new VerifyRedirectRequest(tampered));

            // then
            assertThat(result).isEqualTo(new VerifyRedirectResult(VerifyRedirectResult.Status.REJECTED,
                    Option.none(), Option.none(), LinkedHashMap.empty(), Option.none(), Option.none(),
                    Option.some(Reason.SIGNATURE_MISMATCH),
                    Option.some("the signature does not match the parameters")));
        }

        @Test
        void whenASignedParameterWasRemoved() {
            // given
            Map<String, String> tampered = returnedFromTheChallenge().remove("request_id");

            // when / then
            assertThat(client.verifyRedirectResponse(new VerifyRedirectRequest(tampered)).reason())
                    .contains(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void whenTheSignatureIsMissing() {
            // given
            Map<String, String> unsigned = returnedFromTheChallenge().remove("tender_signature");

            // when / then
            assertThat(client.verifyRedirectResponse(new VerifyRedirectRequest(unsigned)).reason())
                    .contains(Reason.MISSING_SIGNATURE);
        }

        @Test
        void whenAnotherSecretSignedIt() {
            // given
            Map<String, String> returned = returnedFromTheChallenge();
            PaymentClient otherMerchant = builderFor(new FakeConnector())
                    .redirectSecret("another-secret-0123456789abcdefgh").build();

            // when / then
            assertThat(otherMerchant.verifyRedirectResponse(new VerifyRedirectRequest(returned)).reason())
                    .contains(Reason.SIGNATURE_MISMATCH);
        }

        @Test
        void whenItIsOlderThanTheWindow() {
            // given
            Map<String, String> returned = returnedFromTheChallenge();
            PaymentClient later = clientAt(NOW.plus(Duration.ofMinutes(15)).plusSeconds(1), new FakeConnector());

            // when
            VerifyRedirectResult result = later.verifyRedirectResponse(new VerifyRedirectRequest(returned));

            // then
            assertThat(result.reason()).contains(Reason.EXPIRED);
            assertThat(result.replayKey()).isEmpty();
        }

        @Test
        void whenItWasIssuedTooFarAheadOfThisClock() {
            // given
            Map<String, String> returned = returnedFromTheChallenge();
            PaymentClient behind = clientAt(NOW.minusSeconds(61), new FakeConnector());

            // when / then
            assertThat(behind.verifyRedirectResponse(new VerifyRedirectRequest(returned)).reason())
                    .contains(Reason.ISSUED_IN_FUTURE);
        }

        @Test
        void whenTheWindowConfiguredIsShorter() {
            // given
            Map<String, String> returned = returnedFromTheChallenge();
            PaymentClient strict = builderFor(new FakeConnector())
                    .clock(ClientFixtures.clockAt(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                    .redirectFreshness(Duration.ofMinutes(5), Duration.ZERO)
                    .build();

            // when / then
            assertThat(strict.verifyRedirectResponse(new VerifyRedirectRequest(returned)).reason())
                    .contains(Reason.EXPIRED);
        }

        @Test
        void whenANameOrValueIsNull() {
            // given
            Map<String, String> returned = returnedFromTheChallenge();

            // when
            VerifyRedirectResult nullName = client.verifyRedirectResponse(new VerifyRedirectRequest(
                    HashMap.ofAll(returned.toJavaMap()).put(null, "x")));
            VerifyRedirectResult nullValue = client.verifyRedirectResponse(
                    new VerifyRedirectRequest(returned.put("PaRes", null)));

            // then
            assertThat(nullName.reason()).contains(Reason.MALFORMED_PARAMETERS);
            assertThat(nullValue.reason()).contains(Reason.MALFORMED_PARAMETERS);
        }

        @Test
        void whenNothingCameBack() {
            // when
            VerifyRedirectResult result = client.verifyRedirectResponse(new VerifyRedirectRequest(HashMap.empty()));

            // then
            assertThat(result.status()).isEqualTo(VerifyRedirectResult.Status.REJECTED);
            assertThat(result.reason()).contains(Reason.MISSING_SIGNATURE);
        }
    }

    @Test
    void aClientWithoutARedirectSecretCannotVerify() {
        // given
        PaymentClient unsigned = PaymentClient.builder().connector(new FakeConnector()).build();

        // when / then
        assertThatThrownBy(() -> unsigned.verifyRedirectResponse(new VerifyRedirectRequest(HashMap.empty())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a redirect secret");
    }

    @Test
    void noParametersIsAnInvalidRequest() {
        // when / then
        assertThatThrownBy(() -> new VerifyRedirectRequest(null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid verify redirect request: parameters is required");
        assertThatThrownBy(() -> VerifyRedirectRequest.of(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> client.verifyRedirectResponse(null)).isInstanceOf(InvalidRequestException.class);
    }
}
