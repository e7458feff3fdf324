package dev.tender.connector.adyen;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tender.domain.money.Currency;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** A mandate is a zero-amount authorisation that stores the card for the customer. */
class SetupMandateTest {

    @RegisterExtension
    static WireMockExtension adyen = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aZeroAuthorisationStoresTheCardAndAnswersItsStoredId() {
        // given
        ConnectorAccount account = AdyenFixtures.account(adyen.baseUrl());
        adyen.stubFor(post("/v71/payments").willReturn(okJson("""
                {"pspReference":"V4HZ4RBFJGXXGN82","resultCode":"Authorised",
                 "additionalData":{"recurring.recurringDetailReference":"M5N7TQ4TG5PFWR50",
                                   "recurring.shopperReference":"cus_42"}}""")));

        // when
        Outcome outcome = new AdyenConnector().setupMandate(new ConnectorRequest.SetupMandate(
                AdyenFixtures.context(account), AdyenFixtures.card(AdyenFixtures.VISA), "cus_42", Currency.EUR));

        // then
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments"))
                .withHeader("Idempotency-Key", equalTo("tx_1:mca_adyen_1"))
                .withRequestBody(equalToJson("""
                        {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1","amount":{"currency":"EUR","value":0},
                         "shopperReference":"cus_42","metadata":{"tender_payment_id":"pay_1"},
                         "paymentMethod":{"type":"scheme","number":"4111111111111111","expiryMonth":"03",
                                          "expiryYear":"2030","cvc":"737","holderName":"J. Smith"},
                         "shopperInteraction":"Ecommerce",
                         "authenticationData":{"threeDSRequestData":{"nativeThreeDS":"disabled"}},
                         "storePaymentMethod":true,"recurringProcessingModel":"UnscheduledCardOnFile"}""")));
        assertThat(outcome).isEqualTo(new Outcome.Approved(Option.some("V4HZ4RBFJGXXGN82"),
                Option.some("M5N7TQ4TG5PFWR50")));
    }
}
