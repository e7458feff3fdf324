package dev.tender.connector.stripe;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tender.connector.stripe.StripeFixtures.SECRET_KEY;
import static dev.tender.connector.stripe.StripeFixtures.VISA;
import static dev.tender.connector.stripe.StripeFixtures.card;
import static dev.tender.connector.stripe.StripeFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** What the connector sends to Stripe for each operation, and how it reads Stripe's documented answers. */
class StripeRequestsTest extends FakeStripeServer {

    private final StripeConnector connector = new StripeConnector();
    private ConnectorAccount account;
    private CallContext context;

    @BeforeEach
    void account() {
        account = StripeFixtures.account(baseUrl());
        context = StripeFixtures.context(account, "tx_1");
    }

    private void assertStripeHeaders(LoggedRequest request) {
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(request.getHeader("Stripe-Version")).isEqualTo(StripeFixtures.API_VERSION);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("tx_1:acc_stripe");
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    }

    @Nested
    class Authorize {

        @Test
        void aPurchaseCreatesAndConfirmsAPaymentIntentWithTheCardAsPaymentMethodData() {
            // given
            stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_3MtwBwLkdIwHu7ix28a3tqPa", "succeeded", 1000, 1000))));

            // when
            Outcome outcome = connector.authorize(StripeFixtures.authorize(context, CaptureMethod.AUTOMATIC, card(VISA)));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_3MtwBwLkdIwHu7ix28a3tqPa"));
            LoggedRequest request = sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents")));
            assertStripeHeaders(request);
            assertThat(form(request).toJavaMap()).containsAllEntriesOf(java.util.Map.ofEntries(
                    java.util.Map.entry("amount", "1000"),
                    java.util.Map.entry("currency", "usd"),
                    java.util.Map.entry("capture_method", "automatic"),
                    java.util.Map.entry("confirm", "true"),
                    java.util.Map.entry("payment_method_types[0]", "card"),
                    java.util.Map.entry("payment_method_data[type]", "card"),
                    java.util.Map.entry("payment_method_data[card][number]", VISA),
                    java.util.Map.entry("payment_method_data[card][exp_month]", "12"),
                    java.util.Map.entry("payment_method_data[card][exp_year]", "2034"),
                    java.util.Map.entry("payment_method_data[card][cvc]", "314"),
                    java.util.Map.entry("payment_method_data[billing_details][name]", "Jenny Rosen"),
                    java.util.Map.entry("return_url", "https://shop.example/back"),
                    java.util.Map.entry("metadata[order]", "A-17"),
                    java.util.Map.entry("metadata[tender_payment_id]", "pay_tx_1"),
                    java.util.Map.entry("metadata[tender_transaction_id]", "tx_1"),
                    java.util.Map.entry("metadata[tender_idempotency_key]", "tx_1:acc_stripe")));
            assertThat(form(request).keySet().toJavaSet()).doesNotContain("setup_future_usage",
                    "payment_method_options[card][request_multicapture]");
        }

        @Test
        void anAccountMayPinAnotherApiVersion() {
            // given
            stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "succeeded", 1000, 1000))));
            ConnectorAccount pinned = new ConnectorAccount("acc_stripe", account.merchantId(), StripeConnector.NAME,
                    "Stripe", 1, true, account.credentials(),
                    account.settings().put("api_version", "2025-01-27.acacia"));

            // when
            connector.authorize(StripeFixtures.authorize(StripeFixtures.context(pinned, "tx_1"),
                    CaptureMethod.AUTOMATIC, card(VISA)));

            // then
            assertThat(sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))).getHeader("Stripe-Version"))
                    .isEqualTo("2025-01-27.acacia");
        }

        @Test
        void aManualAuthorizationAsksForIncrementsAndIsApprovedAtRequiresCapture() {
            // given
            stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_manual", "requires_capture", 1000, 0))));

            // when
            Outcome outcome = connector.authorize(StripeFixtures.authorize(context, CaptureMethod.MANUAL, card(VISA)));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_manual"));
            var form = form(sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))));
            assertThat(form.get("capture_method")).contains("manual");
            assertThat(form.get("payment_method_options[card][request_incremental_authorization]")).contains("if_available");
            assertThat(form.get("payment_method_options[card][request_multicapture]")).isEmpty();
        }

        @Test
        void aMultipleCaptureAuthorizationAsksForMulticapture() {
            // given
            stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_multi", "requires_capture", 1000, 0))));

            // when
            connector.authorize(StripeFixtures.authorize(context, CaptureMethod.MANUAL_MULTIPLE, card(VISA)));

            // then
            var form = form(sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))));
            assertThat(form.get("payment_method_options[card][request_multicapture]")).contains("if_available");
        }

        @Test
        void aRedirectToUrlIsAChallengeForTheCustomer() {
            // given
            stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(StripePayloads.requiresAction("pi_3ds",
                    "https://hooks.stripe.com/redirect/authenticate/src_1Mx?client_secret=src_client_secret_x"))));

            // when
            Outcome outcome = connector.authorize(StripeFixtures.authorize(context, CaptureMethod.AUTOMATIC,
                    card("4000000000003220")));

            // then
            assertThat(outcome).isInstanceOfSatisfying(Outcome.RequiresAction.class, action -> {
                assertThat(action.redirect().url())
                        .isEqualTo("https://hooks.stripe.com/redirect/authenticate/src_1Mx?client_secret=src_client_secret_x");
                assertThat(action.redirect().method()).isEqualTo("GET");
                assertThat(action.reference()).contains("pi_3ds");
            });
        }

        @Test
        void aMethodStoredForFutureUseIsAttachedToANewCustomerAndAnswersTheMandate() {
            // given
            stripe.stubFor(post("/v1/customers").willReturn(okJson(StripePayloads.customer("cus_NffrFeUfNV2Hib"))));
            stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(
                    StripePayloads.storedForLater("pi_saved", "cus_NffrFeUfNV2Hib", "pm_1Mx"))));
            var request = new ConnectorRequest.Authorize(context, StripeFixtures.TEN, CaptureMethod.AUTOMATIC,
                    card(VISA), Option.some("cust_42"), Option.none(), true, Option.none(),
                    io.vavr.collection.LinkedHashMap.empty());

            // when
            Outcome outcome = connector.authorize(request);

            // then
            assertThat(outcome).isEqualTo(new Outcome.Approved(Option.some("pi_saved"),
                    Option.some("cus_NffrFeUfNV2Hib:pm_1Mx")));
            LoggedRequest customer = sent(postRequestedFor(urlPathEqualTo("/v1/customers")));
            assertThat(customer.getHeader("Idempotency-Key")).isEqualTo("tx_1:acc_stripe:customer");
            assertThat(customer.getHeader("Stripe-Version")).isEqualTo(StripeFixtures.API_VERSION);
            assertThat(form(customer).get("metadata[tender_customer_id]")).contains("cust_42");
            var form = form(sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))));
            assertThat(form.get("setup_future_usage")).contains("off_session");
            assertThat(form.get("customer")).contains("cus_NffrFeUfNV2Hib");
        }

        @Test
        void aMandateIsChargedOffSessionWithItsCustomerAndPaymentMethodAndNoCard() {
            // given
            stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_mit", "succeeded", 1000, 1000))));
            var mandate = new PaymentMethodData.StoredMandate(MandateId.of("man_1"), "cus_NffrFeUfNV2Hib:pm_1Mx");

            // when
            Outcome outcome = connector.authorize(StripeFixtures.authorize(context, CaptureMethod.AUTOMATIC, mandate));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_mit"));
            var form = form(sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))));
            assertThat(form.get("customer")).contains("cus_NffrFeUfNV2Hib");
            assertThat(form.get("payment_method")).contains("pm_1Mx");
            assertThat(form.get("off_session")).contains("true");
            assertThat(form.keySet().filter(k -> k.startsWith("payment_method_data"))).isEmpty();
            assertThat(form.get("return_url")).isEmpty();
        }
    }

    @Nested
    class AfterTheAuthorization {

        @Test
        void aPartialCaptureSendsAmountToCapture() {
            // given
            stripe.stubFor(post("/v1/payment_intents/pi_1/capture").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "succeeded", 1000, 400))));

            // when
            Outcome outcome = connector.capture(new ConnectorRequest.Capture(context, "pi_1", usd(400), true));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_1"));
            LoggedRequest request = sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_1/capture")));
            assertStripeHeaders(request);
            assertThat(form(request).toJavaMap()).containsExactlyEntriesOf(java.util.Map.of("amount_to_capture", "400"));
        }

        @Test
        void aCaptureThatIsNotTheLastSaysSo() {
            // given: multicapture leaves the intent capturable
            stripe.stubFor(post("/v1/payment_intents/pi_1/capture").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "requires_capture", 1000, 300))));

            // when
            Outcome outcome = connector.capture(new ConnectorRequest.Capture(context, "pi_1", usd(300), false));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_1"));
            var form = form(sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_1/capture"))));
            assertThat(form.get("final_capture")).contains("false");
        }

        @Test
        void aVoidCancelsThePaymentIntent() {
            // given
            stripe.stubFor(post("/v1/payment_intents/pi_1/cancel").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "canceled", 1000, 0))));

            // when
            Outcome outcome = connector.voidAuthorization(new ConnectorRequest.Void(context, "pi_1", usd(1000)));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_1"));
            assertStripeHeaders(sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_1/cancel"))));
        }

        @Test
        void anIncrementSendsTheNewTotal() {
            // given
            stripe.stubFor(post("/v1/payment_intents/pi_1/increment_authorization").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "requires_capture", 1500, 0))));

            // when
            Outcome outcome = connector.incrementAuthorization(
                    new ConnectorRequest.IncrementAuthorization(context, "pi_1", usd(1500)));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_1"));
            LoggedRequest request = sent(postRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_1/increment_authorization")));
            assertStripeHeaders(request);
            assertThat(form(request).get("amount")).contains("1500");
        }

        @Test
        void aRefundNamesThePaymentIntentTheAmountAndTheReason() {
            // given
            stripe.stubFor(post("/v1/refunds").willReturn(okJson(
                    StripePayloads.refund("re_1Nispe", "pi_1", 300, "succeeded", "tx_1:acc_stripe"))));

            // when
            Outcome outcome = connector.refund(new ConnectorRequest.Refund(context, "pi_1", usd(300),
                    Option.some("requested_by_customer")));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("re_1Nispe"));
            LoggedRequest request = sent(postRequestedFor(urlPathEqualTo("/v1/refunds")));
            assertStripeHeaders(request);
            assertThat(form(request).toJavaMap()).containsAllEntriesOf(java.util.Map.of("payment_intent", "pi_1",
                    "amount", "300", "reason", "requested_by_customer",
                    "metadata[tender_idempotency_key]", "tx_1:acc_stripe"));
        }

        @Test
        void aPendingRefundIsPendingAndAReasonStripeDoesNotKnowGoesToMetadata() {
            // given
            stripe.stubFor(post("/v1/refunds").willReturn(okJson(
                    StripePayloads.refund("re_2", "pi_1", 300, "pending", "tx_1:acc_stripe"))));

            // when
            Outcome outcome = connector.refund(new ConnectorRequest.Refund(context, "pi_1", usd(300),
                    Option.some("goodwill")));

            // then
            assertThat(outcome).isEqualTo(Outcome.Pending.of());
            var form = form(sent(postRequestedFor(urlPathEqualTo("/v1/refunds"))));
            assertThat(form.get("reason")).isEmpty();
            assertThat(form.get("metadata[tender_reason]")).contains("goodwill");
        }

        @Test
        void aMandateIsSetUpWithAnOffSessionSetupIntent() {
            // given
            stripe.stubFor(post("/v1/customers").willReturn(okJson(StripePayloads.customer("cus_1"))));
            stripe.stubFor(post("/v1/setup_intents").willReturn(okJson(
                    StripePayloads.setupIntent("seti_1", "succeeded", "cus_1", "pm_9"))));

            // when
            Outcome outcome = connector.setupMandate(new ConnectorRequest.SetupMandate(context, card(VISA), "cust_42",
                    dev.tender.domain.money.Currency.USD));

            // then
            assertThat(outcome).isEqualTo(new Outcome.Approved(Option.some("seti_1"), Option.some("cus_1:pm_9")));
            LoggedRequest request = sent(postRequestedFor(urlPathEqualTo("/v1/setup_intents")));
            assertStripeHeaders(request);
            assertThat(form(request).toJavaMap()).containsAllEntriesOf(java.util.Map.of("confirm", "true",
                    "usage", "off_session", "customer", "cus_1", "payment_method_data[card][number]", VISA));
        }
    }

    @Nested
    class Sync {

        @Test
        void anAuthorizationIsReadFromItsPaymentIntent() {
            // given
            stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_1")).willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "succeeded", 1000, 1000))));

            // when
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, TransactionKind.AUTHORIZE,
                    Option.some("pi_1"), usd(1000)));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_1"));
            LoggedRequest request = sent(getRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_1")));
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
            assertThat(request.getHeader("Stripe-Version")).isEqualTo(StripeFixtures.API_VERSION);
        }

        @Test
        void anAuthorizationVoidedSinceIsStillAnApprovedAuthorization() {
            // given: the intent was canceled after its charge was authorized
            stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_1")).willReturn(okJson("""
                    {"id": "pi_1", "object": "payment_intent", "amount": 1000, "amount_received": 0,
                     "status": "canceled", "cancellation_reason": "requested_by_customer",
                     "latest_charge": {"id": "ch_1", "object": "charge", "captured": false, "status": "succeeded"}}
                    """)));

            // when
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, TransactionKind.AUTHORIZE,
                    Option.some("pi_1"), usd(1000)));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_1"));
            assertThat(sent(getRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_1"))).queryParameter("expand[]")
                    .firstValue()).isEqualTo("latest_charge");
        }

        @Test
        void anAuthorizationWhoseChargeFailedIsTheSameDecline() {
            // given
            stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_1")).willReturn(okJson("""
                    {"id": "pi_1", "object": "payment_intent", "amount": 1000, "status": "requires_payment_method",
                     "last_payment_error": {"type": "card_error", "code": "card_declined", "decline_code": "lost_card",
                       "message": "Your card was declined."},
                     "latest_charge": {"id": "ch_1", "object": "charge", "status": "failed"}}
                    """)));

            // when
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, TransactionKind.AUTHORIZE,
                    Option.some("pi_1"), usd(1000)));

            // then
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo("lost_card"));
        }

        @Test
        void anAuthorizationWithoutItsIdIsSearchedForByItsIdempotencyKey() {
            // given
            stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(okJson(
                    "{\"object\":\"search_result\",\"data\":[" + StripePayloads.paymentIntent("pi_found", "requires_capture",
                            1000, 0) + "],\"has_more\":false}")));

            // when
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, TransactionKind.AUTHORIZE,
                    Option.none(), usd(1000)));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_found"));
            LoggedRequest request = sent(getRequestedFor(urlPathEqualTo("/v1/payment_intents/search")));
            assertThat(request.getHeader("Stripe-Version")).isEqualTo(StripeFixtures.API_VERSION);
            assertThat(request.queryParameter("query").firstValue())
                    .isEqualTo("metadata['tender_idempotency_key']:'tx_1:acc_stripe'");
        }

        @Test
        void anAuthorizationNobodyFindsIsNotFoundSoThatItsGracePeriodCanEndIt() {
            // given
            stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(okJson(
                    "{\"object\":\"search_result\",\"data\":[],\"has_more\":false}")));

            // when
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, TransactionKind.AUTHORIZE,
                    Option.none(), usd(1000)));

            // then
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.NOT_FOUND));
        }

        @Test
        void aRefundIsFoundAmongThePaymentIntentsRefundsByItsIdempotencyKey() {
            // given
            stripe.stubFor(get(urlPathEqualTo("/v1/refunds")).willReturn(okJson("{\"object\":\"list\",\"data\":["
                    + StripePayloads.refund("re_other", "pi_1", 100, "succeeded", "tx_0:acc_stripe") + ","
                    + StripePayloads.refund("re_mine", "pi_1", 300, "succeeded", "tx_1:acc_stripe") + "]}")));

            // when
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, TransactionKind.REFUND,
                    Option.some("pi_1"), usd(300)));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("re_mine"));
            LoggedRequest request = sent(getRequestedFor(urlPathEqualTo("/v1/refunds")));
            assertThat(request.queryParameter("payment_intent").firstValue()).isEqualTo("pi_1");
            assertThat(request.getHeader("Stripe-Version")).isEqualTo(StripeFixtures.API_VERSION);
        }

        @Test
        void aCaptureIsNotFoundWhenTheIntentReceivedNothing() {
            // given
            stripe.stubFor(get("/v1/payment_intents/pi_1").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "requires_capture", 1000, 0))));

            // when
            Outcome outcome = connector.sync(capture(1000, 0));

            // then
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.NOT_FOUND));
        }

        @Test
        void aSecondCaptureThatNeverReachedStripeIsNotApprovedByTheFirstOnesMoney() {
            // given: 30.00 captured before; the lost capture of 20.00 never reached Stripe
            stripe.stubFor(get("/v1/payment_intents/pi_1").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "requires_capture", 10_000, 3_000))));

            // when
            Outcome outcome = connector.sync(capture(2_000, 3_000));

            // then
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.NOT_FOUND));
        }

        @Test
        void aSecondCaptureIsApprovedWhenTheIntentReceivedExactlyItsAmountMore() {
            // given
            stripe.stubFor(get("/v1/payment_intents/pi_1").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "requires_capture", 10_000, 5_000))));

            // when
            Outcome outcome = connector.sync(capture(2_000, 3_000));

            // then
            assertThat(outcome).isEqualTo(Outcome.Approved.of("pi_1"));
        }

        @Test
        void aCaptureTheTotalCannotAccountForStaysUnknown() {
            // given: 40.00 received, neither 30.00 (without the capture) nor 50.00 (with it)
            stripe.stubFor(get("/v1/payment_intents/pi_1").willReturn(okJson(
                    StripePayloads.paymentIntent("pi_1", "requires_capture", 10_000, 4_000))));

            // when / then
            assertThat(connector.sync(capture(2_000, 3_000))).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void aCaptureWithoutTheTotalBeforeItIsUnknownWithoutAsking() {
            // when
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, TransactionKind.CAPTURE,
                    Option.some("pi_1"), usd(1000)));

            // then
            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
            assertThat(stripe.getAllServeEvents()).isEmpty();
        }

        @Test
        void aRefundWhoseIdIsKnownIsReadByItsId() {
            // given
            stripe.stubFor(get("/v1/refunds/re_mine").willReturn(okJson(
                    StripePayloads.refund("re_mine", "pi_1", 300, "failed", "tx_1:acc_stripe"))));

            // when
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, TransactionKind.REFUND,
                    Option.some("pi_1"), usd(300), Option.some("re_mine"), Option.some(usd(0))));

            // then
            assertThat(outcome).isInstanceOf(Outcome.Declined.class);
        }

        private ConnectorRequest.Sync capture(long amount, long capturedBefore) {
            return new ConnectorRequest.Sync(context, TransactionKind.CAPTURE, Option.some("pi_1"), usd(amount),
                    Option.none(), Option.some(usd(capturedBefore)));
        }
    }
}
