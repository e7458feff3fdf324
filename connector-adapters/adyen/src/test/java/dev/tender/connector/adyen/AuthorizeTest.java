package dev.tender.connector.adyen;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Redirect;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tender.connector.adyen.AdyenFixtures.authorize;
import static dev.tender.connector.adyen.AdyenFixtures.card;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /payments: the request Tender sends and what each documented resultCode becomes. */
class AuthorizeTest {

    @RegisterExtension
    static WireMockExtension adyen = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final AdyenConnector connector = new AdyenConnector();
    private ConnectorAccount account;

    @BeforeEach
    void account() {
        account = AdyenFixtures.account(adyen.baseUrl());
    }

    private void adyenAnswers(String body) {
        adyen.stubFor(post("/v71/payments").willReturn(okJson(body)));
    }

    @Nested
    class TheRequest {

        @Test
        void aCardPurchaseSendsTheKeyTheIdempotencyKeyAndTheRawCardFields() {
            // given
            adyenAnswers("""
                    {"pspReference":"QFQTPCQ8HXSKGK82","resultCode":"Authorised","merchantReference":"tx_1",
                     "amount":{"currency":"EUR","value":1000}}""");

            // when
            connector.authorize(authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            // then
            adyen.verify(postRequestedFor(urlEqualTo("/v71/payments"))
                    .withHeader("X-API-Key", equalTo(AdyenFixtures.API_KEY))
                    .withHeader("Idempotency-Key", equalTo("tx_1:mca_adyen_1"))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson("""
                            {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1",
                             "amount":{"currency":"EUR","value":1000},
                             "captureDelayHours":0,
                             "returnUrl":"https://shop.example/return",
                             "shopperReference":"cus_42",
                             "metadata":{"order":"o-7","tender_payment_id":"pay_1"},
                             "paymentMethod":{"type":"scheme","number":"4111111111111111","expiryMonth":"03",
                                              "expiryYear":"2030","cvc":"737","holderName":"J. Smith"},
                             "shopperInteraction":"Ecommerce",
                             "authenticationData":{"threeDSRequestData":{"nativeThreeDS":"disabled"}}}""")));
        }

        @Test
        void aManualCaptureAsksAdyenToHoldTheCapture() {
            // given
            adyenAnswers("""
                    {"pspReference":"QFQTPCQ8HXSKGK82","resultCode":"Authorised"}""");

            // when
            connector.authorize(authorize(account, CaptureMethod.MANUAL, card(AdyenFixtures.VISA), false));

            // then
            adyen.verify(postRequestedFor(urlEqualTo("/v71/payments")).withRequestBody(equalToJson("""
                    {"additionalData":{"manualCapture":"true"}}""", true, true)));
            assertThat(adyen.findAll(postRequestedFor(urlEqualTo("/v71/payments"))).getFirst().getBodyAsString())
                    .doesNotContain("captureDelayHours");
        }

        @Test
        void storingTheCardAsksForATokenForMerchantInitiatedCharges() {
            // given
            adyenAnswers("""
                    {"pspReference":"QFQTPCQ8HXSKGK82","resultCode":"Authorised",
                     "additionalData":{"tokenization.storedPaymentMethodId":"M5N7TQ4TG5PFWR50",
                                       "tokenization.shopperReference":"cus_42",
                                       "recurring.recurringDetailReference":"M5N7TQ4TG5PFWR50"}}""");

            // when
            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), true));

            // then
            adyen.verify(postRequestedFor(urlEqualTo("/v71/payments")).withRequestBody(equalToJson("""
                    {"storePaymentMethod":true,"recurringProcessingModel":"UnscheduledCardOnFile",
                     "shopperReference":"cus_42","shopperInteraction":"Ecommerce"}""", true, true)));
            assertThat(outcome).isEqualTo(new Outcome.Approved(Option.some("QFQTPCQ8HXSKGK82"),
                    Option.some("M5N7TQ4TG5PFWR50")));
        }

        @Test
        void aStoredCardIsChargedAsAContinuousAuthorityWithItsStoredId() {
            // given
            adyenAnswers("""
                    {"pspReference":"V4HZ4RBFJGXXGN82","resultCode":"Authorised"}""");
            var stored = new PaymentMethodData.StoredMandate(MandateId.of("man_1"), "M5N7TQ4TG5PFWR50");

            // when
            Outcome outcome = connector.authorize(authorize(account, CaptureMethod.AUTOMATIC, stored, false));

            // then
            adyen.verify(postRequestedFor(urlEqualTo("/v71/payments")).withRequestBody(equalToJson("""
                    {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1",
                     "amount":{"currency":"EUR","value":1000},
                     "captureDelayHours":0,
                     "returnUrl":"https://shop.example/return",
                     "shopperReference":"cus_42",
                     "metadata":{"order":"o-7","tender_payment_id":"pay_1"},
                     "paymentMethod":{"type":"scheme","storedPaymentMethodId":"M5N7TQ4TG5PFWR50"},
                     "shopperInteraction":"ContAuth",
                     "recurringProcessingModel":"UnscheduledCardOnFile"}""")));
            assertThat(outcome).isEqualTo(Outcome.Approved.of("V4HZ4RBFJGXXGN82"));
        }

        @Test
        void encryptedCardFieldsGoToAdyenAsTheyAre() {
            // given
            adyenAnswers("""
                    {"pspReference":"QFQTPCQ8HXSKGK82","resultCode":"Authorised"}""");
            var encrypted = new PaymentMethodData.Other("scheme", LinkedHashMap.of(
                    "encryptedCardNumber", "adyenjs_0_1_25$abc", "encryptedExpiryMonth", "adyenjs_0_1_25$def",
                    "encryptedExpiryYear", "adyenjs_0_1_25$ghi", "encryptedSecurityCode", "adyenjs_0_1_25$jkl"));

            // when
            connector.authorize(authorize(account, CaptureMethod.AUTOMATIC, encrypted, false));

            // then
            adyen.verify(postRequestedFor(urlEqualTo("/v71/payments")).withRequestBody(equalToJson("""
                    {"paymentMethod":{"type":"scheme","encryptedCardNumber":"adyenjs_0_1_25$abc",
                     "encryptedExpiryMonth":"adyenjs_0_1_25$def","encryptedExpiryYear":"adyenjs_0_1_25$ghi",
                     "encryptedSecurityCode":"adyenjs_0_1_25$jkl"}}""", true, true)));
        }

        @Test
        void aStoredCardWithoutItsCustomerIsDeclinedWithoutCallingAdyen() {
            // given
            var stored = new PaymentMethodData.StoredMandate(MandateId.of("man_1"), "M5N7TQ4TG5PFWR50");
            var request = authorize(account, CaptureMethod.AUTOMATIC, stored, false);
            var withoutCustomer = new dev.tender.ports.out.ConnectorRequest.Authorize(request.context(),
                    request.amount(), request.captureMethod(), stored, Option.none(), Option.none(), false,
                    request.returnUrl(), request.metadata());

            // when
            Outcome outcome = connector.authorize(withoutCustomer);

            // then
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.INVALID_REQUEST));
            assertThat(adyen.getAllServeEvents()).isEmpty();
        }
    }

    @Nested
    class TheAnswer {

        @Test
        void authorisedIsApprovedWithThePspReference() {
            adyenAnswers("""
                    {"pspReference":"QFQTPCQ8HXSKGK82","resultCode":"Authorised","merchantReference":"tx_1",
                     "amount":{"currency":"EUR","value":1000},
                     "additionalData":{"authCode":"064467"}}""");

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isEqualTo(Outcome.Approved.of("QFQTPCQ8HXSKGK82"));
        }

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource({
                "2,  Refused,                card_declined",
                "6,  Expired Card,           expired_card",
                "11, 3D Not Authenticated,   authentication_failed",
                "12, Not enough balance,     insufficient_funds",
                "20, FRAUD,                  fraud_suspected",
                "24, CVC Declined,           incorrect_cvc",
                "9,  Issuer Unavailable,     processing_error",
                "99, Some future reason,     card_declined"})
        void refusedIsDeclinedWithTheUnifiedCodeOfTheRefusalReasonCode(String code, String reason, String unified) {
            adyenAnswers("""
                    {"pspReference":"ZC4R4RBFJGXXGN82","resultCode":"Refused","refusalReason":"%s",
                     "refusalReasonCode":"%s","merchantReference":"tx_1"}""".formatted(reason, code));

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isEqualTo(new Outcome.Declined(unified, reason + " [" + code + "]"));
        }

        @Test
        void aRedirectShopperActionIsTheRedirectTheCustomerFollows() {
            adyenAnswers("""
                    {"resultCode":"RedirectShopper","pspReference":"KHQC5N7G84BLNK43",
                     "action":{"paymentMethodType":"scheme","type":"redirect","method":"GET",
                               "url":"https://checkoutshopper-test.adyen.com/checkoutshopper/threeDS/redirect?MD=M2RkNGU"}}""");

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isEqualTo(new Outcome.RequiresAction(Redirect.get(
                    "https://checkoutshopper-test.adyen.com/checkoutshopper/threeDS/redirect?MD=M2RkNGU"),
                    Option.some("KHQC5N7G84BLNK43")));
        }

        @Test
        void aPostRedirectCarriesItsFormFields() {
            adyenAnswers("""
                    {"resultCode":"RedirectShopper",
                     "action":{"paymentMethodType":"scheme","type":"redirect","method":"POST",
                               "url":"https://test.adyen.com/hpp/3d/validate.shtml",
                               "data":{"MD":"OEVudmZVMUlkWjd0MDNwUWs2bmhSdz09","PaReq":"BQABAgA=","TermUrl":"https://shop.example/return"}}}""");

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isEqualTo(new Outcome.RequiresAction(new Redirect(
                    "https://test.adyen.com/hpp/3d/validate.shtml", "POST",
                    LinkedHashMap.of("MD", "OEVudmZVMUlkWjd0MDNwUWs2bmhSdz09", "PaReq", "BQABAgA=",
                            "TermUrl", "https://shop.example/return")), Option.none()));
        }

        @Test
        void aNativeThreeDsActionWithoutAUrlIsNotSupported() {
            adyenAnswers("""
                    {"resultCode":"IdentifyShopper",
                     "action":{"paymentMethodType":"scheme","type":"threeDS2","subtype":"fingerprint",
                               "token":"eyJ0aHJlZURTTWV0aG9kTm90aWZpY2F0aW9uVVJMIjoi"}}""");

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.NOT_SUPPORTED));
        }

        @ParameterizedTest
        @CsvSource({"Pending", "Received"})
        void pendingAndReceivedArePending(String resultCode) {
            adyenAnswers("""
                    {"pspReference":"PSPPENDING000001","resultCode":"%s"}""".formatted(resultCode));

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isEqualTo(Outcome.Pending.of());
        }

        @Test
        void errorIsASoftDecline() {
            adyenAnswers("""
                    {"pspReference":"PSPERROR00000001","resultCode":"Error","refusalReason":"Acquirer Error"}""");

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.PROCESSING_ERROR));
        }

        @Test
        void cancelledIsDeclined() {
            adyenAnswers("""
                    {"pspReference":"PSPCANCEL0000001","resultCode":"Cancelled"}""");

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.CARD_DECLINED));
        }

        @Test
        void authorisedWithoutAPspReferenceIsUnknown() {
            adyenAnswers("""
                    {"resultCode":"Authorised"}""");

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
        }

        @Test
        void aResultCodeTenderDoesNotKnowIsUnknown() {
            adyenAnswers("""
                    {"pspReference":"PSPPARTIAL000001","resultCode":"PartiallyAuthorised"}""");

            Outcome outcome = connector.authorize(
                    authorize(account, CaptureMethod.AUTOMATIC, card(AdyenFixtures.VISA), false));

            assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
        }
    }
}
