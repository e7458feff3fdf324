package dev.tender.client;

import dev.tender.application.RedirectSignatures;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.tender.client.ClientFixtures.CARD;
import static dev.tender.client.ClientFixtures.CHALLENGE;
import static dev.tender.client.ClientFixtures.IDS;
import static dev.tender.client.ClientFixtures.NOW;
import static dev.tender.client.ClientFixtures.SECRET;
import static dev.tender.client.ClientFixtures.TEN_EUROS;
import static dev.tender.client.ClientFixtures.clientFor;
import static dev.tender.client.ClientFixtures.expectedContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizeTest {

    final FakeConnector connector = new FakeConnector();
    final PaymentClient client = clientFor(connector);

    static AuthorizeRequest manual() {
        return AuthorizeRequest.of(IDS, TEN_EUROS, CARD, CaptureMethod.MANUAL);
    }

    @Nested
    class TheConnectorRequest {

        @Test
        void aMinimalRequestSendsTheDerivedKeyAndNoOptionalFields() {
            // when
            client.authorize(manual());

            // then
            assertThat(connector.onlyRequest()).isEqualTo(new ConnectorRequest.Authorize(
                    expectedContext("req_1:authorize:fake"), TEN_EUROS, CaptureMethod.MANUAL, CARD, Option.none(),
                    Option.none(), false, Option.none(), LinkedHashMap.empty()));
        }

        @Test
        void everyOptionalFieldAndTheCallersIdempotencyKeyGoThrough() {
            // given
            AuthorizeRequest request = AuthorizeRequest.of(IDS.withIdempotencyKey("idem-7"), TEN_EUROS, CARD,
                            CaptureMethod.AUTOMATIC)
                    .withCustomerId("cus_1")
                    .withOrderReference("ord_9")
                    .storingForFutureUse()
                    .withMetadata(LinkedHashMap.of("cart", "c1"));

            // when
            client.authorize(request);

            // then
            assertThat(connector.onlyRequest()).isEqualTo(new ConnectorRequest.Authorize(expectedContext("idem-7"),
                    TEN_EUROS, CaptureMethod.AUTOMATIC, CARD, Option.some("cus_1"), Option.some("ord_9"), true,
                    Option.none(), LinkedHashMap.of("cart", "c1")));
        }

        @Test
        void theReturnUrlGoesOutWithThePaymentAndRequestIdsSigned() {
            // given
            Map<String, String> signed = RedirectSignatures.standard().sign(SECRET.getBytes(),
                    LinkedHashMap.of("payment_id", "order_42", "request_id", "req_1"), NOW, "req_1");

            // when
            client.authorize(manual().withReturnUrl("https://shop.example/return"));

            // then
            ConnectorRequest.Authorize sent = (ConnectorRequest.Authorize) connector.onlyRequest();
            assertThat(sent.returnUrl()).contains("https://shop.example/return?payment_id=order_42&request_id=req_1"
                    + "&tender_issued_at=1740823200&tender_nonce=req_1&tender_signature="
                    + signed.get(RedirectSignatures.SIGNATURE).get());
        }

        @Test
        void theSignedParametersJoinAnExistingQueryAndStayBeforeTheFragment() {
            // when
            client.authorize(manual().withReturnUrl("https://shop.example/return?cart=7#done"));

            // then
            String sent = ((ConnectorRequest.Authorize) connector.onlyRequest()).returnUrl().get();
            assertThat(sent).startsWith("https://shop.example/return?cart=7&payment_id=order_42&request_id=req_1&")
                    .endsWith("#done");
            assertThat(ClientFixtures.queryOf(sent).keySet().toJavaList()).containsExactly("cart", "payment_id",
                    "request_id", "tender_issued_at", "tender_nonce", "tender_signature");
        }

        @Test
        void withoutARedirectSecretTheReturnUrlGoesOutAsGiven() {
            // given
            PaymentClient unsigned = PaymentClient.builder().connector(connector).build();

            // when
            unsigned.authorize(manual().withReturnUrl("https://shop.example/return?cart=7"));

            // then
            assertThat(((ConnectorRequest.Authorize) connector.onlyRequest()).returnUrl())
                    .contains("https://shop.example/return?cart=7");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://shop.example/r?payment_id=x", "https://shop.example/r?a=1&tender_signature=x",
                "https://shop.example/r?request%5Fid=x"})
        void aReturnUrlCarryingANameTheClientSignsIsRefusedAndNothingIsSent(String url) {
            // when / then
            assertThatThrownBy(() -> client.authorize(manual().withReturnUrl(url)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("returnUrl must not carry the parameters the client signs");
            assertThat(connector.requests()).isEmpty();
        }
    }

    @Nested
    class TheResult {

        @ParameterizedTest
        @EnumSource(value = CaptureMethod.class, names = {"MANUAL", "MANUAL_MULTIPLE"})
        void approvedUnderManualCaptureIsAuthorized(CaptureMethod captureMethod) {
            // given
            connector.answering(new Outcome.Approved(Option.some("psp_7"), Option.some("mandate_3")));

            // when
            AuthorizeResult result = client.authorize(AuthorizeRequest.of(IDS, TEN_EUROS, CARD, captureMethod));

            // then
            assertThat(result).isEqualTo(new AuthorizeResult(AuthorizeResult.Status.AUTHORIZED, Option.some("psp_7"),
                    Option.none(), Option.none(), Option.none(), Option.some("mandate_3")));
        }

        @Test
        void approvedUnderAutomaticCaptureIsCharged() {
            // given
            connector.answering(Outcome.Approved.of("psp_7"));

            // when
            AuthorizeResult result = client.authorize(AuthorizeRequest.of(IDS, TEN_EUROS, CARD,
                    CaptureMethod.AUTOMATIC));

            // then
            assertThat(result).isEqualTo(new AuthorizeResult(AuthorizeResult.Status.CHARGED, Option.some("psp_7"),
                    Option.none(), Option.none(), Option.none(), Option.none()));
        }

        @Test
        void declinedCarriesTheUnifiedCodeAndTheMessage() {
            // given
            connector.answering(new Outcome.Declined(DeclineCodes.INSUFFICIENT_FUNDS, "not enough money"));

            // when
            AuthorizeResult result = client.authorize(manual());

            // then
            assertThat(result).isEqualTo(new AuthorizeResult(AuthorizeResult.Status.DECLINED, Option.none(),
                    Option.none(), Option.some("insufficient_funds"), Option.some("not enough money"), Option.none()));
        }

        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void pendingIsPending(boolean review) {
            // given
            connector.answering(new Outcome.Pending(review));

            // when
            AuthorizeResult result = client.authorize(manual());

            // then
            assertThat(result).isEqualTo(new AuthorizeResult(AuthorizeResult.Status.PENDING, Option.none(),
                    Option.none(), Option.none(), Option.none(), Option.none()));
        }

        @Test
        void requiresActionCarriesTheRedirect() {
            // given
            connector.answering(new Outcome.RequiresAction(CHALLENGE));

            // when
            AuthorizeResult result = client.authorize(manual());

            // then
            assertThat(result).isEqualTo(new AuthorizeResult(AuthorizeResult.Status.REQUIRES_ACTION, Option.none(),
                    Option.some(CHALLENGE), Option.none(), Option.none(), Option.none()));
        }

        @Test
        void unknownCarriesTheCause() {
            // given
            connector.answering(new Outcome.Unknown("read timed out"));

            // when
            AuthorizeResult result = client.authorize(manual());

            // then
            assertThat(result).isEqualTo(new AuthorizeResult(AuthorizeResult.Status.UNKNOWN, Option.none(),
                    Option.none(), Option.none(), Option.some("read timed out"), Option.none()));
        }
    }

    @Nested
    class Validation {

        @Test
        void noRequestIsRefusedBeforeAnythingIsSent() {
            // when / then
            assertThatThrownBy(() -> client.authorize(null))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("invalid authorize request: authorize request is required");
            assertThat(connector.requests()).isEmpty();
        }

        @Test
        void everyProblemOfTheRequestIsListedAtOnce() {
            // when / then
            assertThatThrownBy(() -> new AuthorizeRequest(null, Money.zero(Currency.EUR), null, null,
                    Option.some(" "), Option.none(), false, Option.some("/relative"), HashMap.of("k", null)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).containsExactly(
                            "ids is required",
                            "amount must be positive, got 0",
                            "captureMethod is required",
                            "method is required",
                            "customerId must not be blank when given",
                            "returnUrl must be an absolute http(s) URL",
                            "metadata must not hold null names or values"));
        }

        @Test
        void aCurrencyOutsideIso4217OrWithAnotherExponentIsRefused() {
            // when / then
            assertThatThrownBy(() -> AuthorizeRequest.of(IDS, Money.of(100, new Currency("XYZ", 2)), CARD,
                    CaptureMethod.MANUAL))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("amount currency must be an ISO-4217 currency with its exponent, got XYZ");
            assertThatThrownBy(() -> AuthorizeRequest.of(IDS, Money.of(100, new Currency("USD", 3)), CARD,
                    CaptureMethod.MANUAL))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("got USD with 3 decimals");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://shop.example/r", "shop.example/r", "https:///no-host", "https://exa mple.com"})
        void aReturnUrlMustBeAnAbsoluteHttpUrl(String url) {
            // when / then
            assertThatThrownBy(() -> manual().withReturnUrl(url))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("returnUrl must be an absolute http(s) URL");
        }
    }
}
