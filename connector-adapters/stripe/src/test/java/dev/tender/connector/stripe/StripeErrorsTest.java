package dev.tender.connector.stripe;

import dev.tender.connector.kit.ConnectorHttp;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.tender.connector.stripe.StripeFixtures.VISA;
import static dev.tender.connector.stripe.StripeFixtures.card;
import static dev.tender.connector.stripe.StripeFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's refusals, errors and failures, each as the outcome the Connector rules ask for. */
class StripeErrorsTest extends FakeStripeServer {

    private final StripeConnector connector = new StripeConnector(
            ConnectorHttp.create(Duration.ofSeconds(2), Duration.ofMillis(500)), StripeConnector.SUPPORTED);
    private CallContext context;

    @BeforeEach
    void account() {
        context = StripeFixtures.context(StripeFixtures.account(baseUrl()), "tx_1");
    }

    private Outcome purchase() {
        return connector.authorize(StripeFixtures.authorize(context, CaptureMethod.AUTOMATIC, card(VISA)));
    }

    private void stripeAnswers(int status, String body) {
        stripe.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static Outcome.Declined declined(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Declined.class);
        return (Outcome.Declined) outcome;
    }

    @Nested
    class CardDeclines {

        @ParameterizedTest(name = "{0}/{1} -> {2}")
        @CsvSource({
                "card_declined, insufficient_funds, insufficient_funds",
                "card_declined, lost_card, lost_card",
                "card_declined, stolen_card, stolen_card",
                "card_declined, fraudulent, fraud_suspected",
                "card_declined, generic_decline, card_declined",
                "card_declined, do_not_honor, card_declined",
                "card_declined, try_again_later, processing_error",
                "card_declined, authentication_required, authentication_failed",
                "card_declined, some_code_stripe_adds_tomorrow, card_declined",
                "expired_card, , expired_card",
                "incorrect_cvc, , incorrect_cvc",
                "processing_error, , processing_error",
                "incorrect_number, , invalid_request",
                "authentication_required, authentication_required, authentication_failed",
        })
        void aCardErrorIsDeclinedWithTheUnifiedCode(String code, String declineCode, String unified) {
            // given
            stripeAnswers(402, StripePayloads.error("card_error", code, declineCode, "Your card was declined."));

            // when
            Outcome outcome = purchase();

            // then
            Outcome.Declined declined = declined(outcome);
            assertThat(declined.code()).isEqualTo(unified);
            assertThat(declined.message()).contains(declineCode != null ? declineCode : code);
        }

        @Test
        void aCardNumberEchoedInTheMessageIsMasked() {
            // given
            stripeAnswers(402, StripePayloads.error("card_error", "card_declined", "generic_decline",
                    "The card 4000 0000 0000 0002 was declined."));

            // when
            Outcome outcome = purchase();

            // then
            assertThat(declined(outcome).message()).doesNotContain("4000 0000 0000 0002").contains("0002");
        }

        @Test
        void anOffSessionChargeThatNeedsTheCustomerIsAnAuthenticationFailure() {
            // given
            stripeAnswers(402, StripePayloads.error("card_error", "authentication_required", "authentication_required",
                    "This payment required an authentication action to complete, but `error_on_requires_action` was set."));
            var mandate = new PaymentMethodData.StoredMandate(MandateId.of("man_1"), "cus_1:pm_1");

            // when
            Outcome outcome = connector.authorize(StripeFixtures.authorize(context, CaptureMethod.AUTOMATIC, mandate));

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.AUTHENTICATION_FAILED);
        }

        @Test
        void aChallengeTheCustomerFailedIsAnAuthenticationFailure() {
            // given: back from the 3DS page, the intent wants another method
            stripe.stubFor(get("/v1/payment_intents/pi_3ds").willReturn(okJson("""
                    {"id": "pi_3ds", "object": "payment_intent", "status": "requires_payment_method",
                     "last_payment_error": {"type": "invalid_request_error", "code": "payment_intent_authentication_failure",
                       "message": "The provided PaymentMethod has failed authentication."}}
                    """)));

            // when
            Outcome outcome = connector.completeAuthorize(new ConnectorRequest.CompleteAuthorize(context, "pi_3ds",
                    HashMap.of("payment_intent", "pi_3ds")));

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.AUTHENTICATION_FAILED);
        }
    }

    @Nested
    class RequestErrors {

        @Test
        void anInvalidRequestIsDeclinedAsInvalidRequest() {
            // given
            stripeAnswers(400, StripePayloads.error("invalid_request_error", "amount_too_large", null,
                    "The amount to capture must be less than or equal to the amount capturable."));

            // when
            Outcome outcome = connector.capture(new ConnectorRequest.Capture(context, "pi_1", usd(2000), true));

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.INVALID_REQUEST);
        }

        @Test
        void anUnknownPaymentIntentIsNotFound() {
            // given
            stripeAnswers(404, StripePayloads.error("invalid_request_error", "resource_missing", null,
                    "No such payment_intent: 'pi_nope'"));

            // when
            Outcome outcome = connector.refund(new ConnectorRequest.Refund(context, "pi_nope", usd(100), Option.none()));

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.NOT_FOUND);
        }

        @Test
        void aRateLimitWasNotProcessedSoAnotherConnectorMayBeTried() {
            // given
            stripeAnswers(429, StripePayloads.error("invalid_request_error", "rate_limit", null,
                    "Too many requests hit the API too quickly."));

            // when
            Outcome outcome = purchase();

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR);
        }

        @Test
        void aRefusedApiKeyWasNotProcessed() {
            // given
            stripeAnswers(401, StripePayloads.error("invalid_request_error", "api_key_invalid", null,
                    "Invalid API Key provided: sk_test_****"));

            // when
            Outcome outcome = purchase();

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR);
        }

        @Test
        void aKeyRefusedWithoutStripesErrorObjectWasNotProcessedEither() {
            // given: a 401 and a 403 whose bodies are not Stripe's error object (a proxy in front of it)
            stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(401)
                    .withBody("<html>401 Unauthorized</html>")));
            Outcome unauthorized = purchase();
            stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(403)
                    .withHeader("Content-Type", "application/json").withBody("{\"message\":\"forbidden\"}")));

            // when
            Outcome forbidden = purchase();

            // then
            assertThat(declined(unauthorized).code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR);
            assertThat(declined(unauthorized).message()).contains("HTTP 401");
            assertThat(declined(forbidden).code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR);
        }

        @Test
        void aReusedIdempotencyKeyIsUnknownBecauseItsFirstUseMayHaveActed() {
            // given
            stripeAnswers(400, StripePayloads.error("idempotency_error", "idempotency_key_in_use", null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used with."));

            // when
            Outcome outcome = purchase();

            // then
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
        }
    }

    @Nested
    class Failures {

        @Test
        void aServerErrorIsUnknown() {
            // given
            stripeAnswers(500, StripePayloads.error("api_error", "api_error", null, "Something went wrong."));

            // when
            Outcome outcome = purchase();

            // then
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void noAnswerWithinTheReadTimeoutIsUnknown() {
            // given
            stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_slow", "succeeded", 1000, 1000)).withFixedDelay(2_000)));

            // when
            Outcome outcome = purchase();

            // then
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void aBodyThatIsNotJsonIsUnknown() {
            // given
            stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(200)
                    .withBody("<html>502 Bad Gateway</html>")));

            // when
            Outcome outcome = purchase();

            // then
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void anIntentWithAStatusNobodyKnowsIsUnknown() {
            // given
            stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "teleported", 1000, 0))));

            // when
            Outcome outcome = purchase();

            // then
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void aRefusedConnectionSentNothing() throws Exception {
            // given
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            context = StripeFixtures.context(StripeFixtures.account("http://localhost:" + closedPort), "tx_1");

            // when
            Outcome outcome = purchase();

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR);
        }

        @Test
        void aSyncThatCannotBeSentSaysNothingAboutTheTransaction() {
            // given
            stripeAnswers(429, StripePayloads.error("invalid_request_error", "rate_limit", null, "Too many requests."));

            // when
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, TransactionKind.AUTHORIZE,
                    Option.some("pi_1"), usd(1000)));

            // then
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void anAccountWithoutASecretKeySendsNothing() {
            // given
            ConnectorAccount noKey = new ConnectorAccount("acc_2", context.account().merchantId(), "stripe", "Stripe",
                    1, true, Credentials.of(HashMap.empty()), HashMap.of("base_url", baseUrl()));
            context = StripeFixtures.context(noKey, "tx_1");

            // when
            Outcome outcome = purchase();

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR);
            assertThat(stripe.getAllServeEvents()).isEmpty();
        }

        @Test
        void anAccountWithAnApiVersionThatIsNoStripeVersionSendsNothing() {
            // given
            ConnectorAccount badVersion = new ConnectorAccount("acc_2", context.account().merchantId(), "stripe",
                    "Stripe", 1, true, context.account().credentials(),
                    HashMap.of("base_url", baseUrl(), "api_version", "latest"));
            context = StripeFixtures.context(badVersion, "tx_1");

            // when
            Outcome outcome = purchase();

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR);
            assertThat(declined(outcome).message()).contains("api_version");
            assertThat(stripe.getAllServeEvents()).isEmpty();
        }

        @Test
        void anIdThatIsNoStripeIdIsNeverPutInAPath() {
            // when
            Outcome outcome = connector.capture(new ConnectorRequest.Capture(context, "../v1/refunds", usd(100), true));

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.NOT_FOUND);
            assertThat(stripe.getAllServeEvents()).isEmpty();
        }
    }

    @Nested
    class Capabilities {

        @Test
        void withoutMulticaptureDeclaredAManualMultipleAuthorizationIsNotSupported() {
            // given
            var limited = new StripeConnector(ConnectorHttp.create(), io.vavr.collection.HashSet.of(
                    dev.tender.domain.payment.Capability.MANUAL_CAPTURE));

            // when
            Outcome outcome = limited.authorize(StripeFixtures.authorize(context, CaptureMethod.MANUAL_MULTIPLE, card(VISA)));

            // then
            assertThat(declined(outcome).code()).isEqualTo(DeclineCodes.NOT_SUPPORTED);
            assertThat(stripe.getAllServeEvents()).isEmpty();
        }

        @Test
        void aReverseAndOrdersAreNeverSupported() {
            assertThat(declined(connector.reverse(new ConnectorRequest.Reverse(context, "pi_1", usd(100)))).code())
                    .isEqualTo(DeclineCodes.NOT_SUPPORTED);
            assertThat(declined(connector.createOrder(new ConnectorRequest.CreateOrder(context, usd(100)))).code())
                    .isEqualTo(DeclineCodes.NOT_SUPPORTED);
        }
    }
}
