package dev.tender.connector.adyen;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts in Adyen's minor units, which are ISO 4217's except for four currencies on Adyen's currency-codes
 * page: CLP and ISK with two decimals (ISO: none), CVE and IDR with none (ISO: two). Tender's amounts are
 * in ISO minor units, so those four are converted exactly, and an amount that Adyen's units cannot hold is
 * declined before anything is sent.
 */
class CurrencyExponentsTest {

    private static final String PAYMENT = "QFQTPCQ8HXSKGK82";

    @RegisterExtension
    static WireMockExtension adyen = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final AdyenConnector connector = new AdyenConnector();
    private CallContext context;

    @BeforeEach
    void account() {
        ConnectorAccount account = AdyenFixtures.account(adyen.baseUrl());
        context = AdyenFixtures.context(account);
        adyen.stubFor(post("/v71/payments").willReturn(okJson("""
                {"pspReference":"QFQTPCQ8HXSKGK82","resultCode":"Authorised"}""")));
        for (String modification : new String[]{"captures", "refunds", "amountUpdates"}) {
            adyen.stubFor(post("/v71/payments/" + PAYMENT + "/" + modification).willReturn(aResponse()
                    .withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                            {"pspReference":"JDD6LKT8MBLZNN84","status":"received"}""")));
        }
    }

    @ParameterizedTest(name = "{0} {1} in Tender''s minor units is {2} in Adyen''s")
    @CsvSource({
            "CLP, 5000, 500000",
            "ISK, 1500, 150000",
            "IDR, 1500000, 15000",
            "CVE, 250000, 2500",
            "JPY, 1500, 1500",
            "KWD, 1234, 1234",
            "EUR, 1000, 1000",
            "CLP, 0, 0"})
    void aCaptureIsSentInAdyensMinorUnits(String code, long tender, long adyenValue) {
        // when
        Outcome outcome = connector.capture(new ConnectorRequest.Capture(context, PAYMENT,
                Money.of(tender, Currency.of(code)), true));

        // then
        assertThat(outcome).isEqualTo(Outcome.Pending.of());
        assertSent("/v71/payments/" + PAYMENT + "/captures", """
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1",
                 "amount":{"currency":"%s","value":%d}}""".formatted(code, adyenValue));
    }

    @Test
    void aClpAuthorisationIsSentInAdyensHundredthsOfAPeso() {
        // when
        Outcome outcome = connector.authorize(new ConnectorRequest.Authorize(context,
                Money.of(12_990, Currency.of("CLP")), CaptureMethod.AUTOMATIC, AdyenFixtures.card(AdyenFixtures.VISA),
                Option.none(), Option.none(), false, Option.none(), LinkedHashMap.empty()));

        // then
        assertThat(outcome).isEqualTo(Outcome.Approved.of(PAYMENT));
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments")).withRequestBody(equalToJson("""
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1",
                 "amount":{"currency":"CLP","value":1299000}}""", true, true)));
    }

    @Test
    void anIskRefundAndAnIdrIncrementAreConvertedToo() {
        // when
        Outcome refund = connector.refund(new ConnectorRequest.Refund(context, PAYMENT,
                Money.of(2_500, Currency.of("ISK")), Option.none()));
        Outcome increment = connector.incrementAuthorization(new ConnectorRequest.IncrementAuthorization(context,
                PAYMENT, Money.of(7_500_000, Currency.of("IDR"))));

        // then
        assertThat(refund).isEqualTo(Outcome.Pending.of());
        assertThat(increment).isEqualTo(Outcome.Pending.of());
        assertSent("/v71/payments/" + PAYMENT + "/refunds", """
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1","amount":{"currency":"ISK","value":250000}}""");
        assertSent("/v71/payments/" + PAYMENT + "/amountUpdates", """
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1","amount":{"currency":"IDR","value":75000},
                 "industryUsage":"delayedCharge"}""");
    }

    @Test
    void anAmountWithAFractionAdyenDoesNotCountIsDeclinedNotRoundedAndNothingIsSent() {
        // when: IDR 10000.50 and CVE 123.45, which Adyen counts in whole units
        Outcome authorize = connector.authorize(new ConnectorRequest.Authorize(context,
                Money.of(1_000_050, Currency.of("IDR")), CaptureMethod.MANUAL, AdyenFixtures.card(AdyenFixtures.VISA),
                Option.none(), Option.none(), false, Option.none(), LinkedHashMap.empty()));
        Outcome capture = connector.capture(new ConnectorRequest.Capture(context, PAYMENT,
                Money.of(12_345, Currency.of("CVE")), true));
        Outcome refund = connector.refund(new ConnectorRequest.Refund(context, PAYMENT,
                Money.of(1, Currency.of("IDR")), Option.none()));

        // then
        assertThat(authorize).isEqualTo(new Outcome.Declined(DeclineCodes.INVALID_REQUEST,
                "IDR 10000.50 cannot be sent to Adyen, which counts IDR in 0 decimals; it is not rounded"));
        assertThat(capture).isEqualTo(new Outcome.Declined(DeclineCodes.INVALID_REQUEST,
                "CVE 123.45 cannot be sent to Adyen, which counts CVE in 0 decimals; it is not rounded"));
        assertThat(refund).isInstanceOfSatisfying(Outcome.Declined.class,
                declined -> assertThat(declined.code()).isEqualTo(DeclineCodes.INVALID_REQUEST));
        assertThat(adyen.getAllServeEvents()).isEmpty();
    }

    @Test
    void aClpAmountAdyenCannotHoldInHundredthsIsDeclinedAndNothingIsSent() {
        // when
        Outcome outcome = connector.capture(new ConnectorRequest.Capture(context, PAYMENT,
                Money.of(Long.MAX_VALUE / 10, Currency.of("CLP")), true));

        // then
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class, declined -> {
            assertThat(declined.code()).isEqualTo(DeclineCodes.INVALID_REQUEST);
            assertThat(declined.message()).endsWith("is too large for Adyen's CLP amounts");
        });
        assertThat(adyen.getAllServeEvents()).isEmpty();
    }

    private static void assertSent(String path, String body) {
        adyen.verify(postRequestedFor(urlEqualTo(path))
                .withHeader("X-API-Key", equalTo(AdyenFixtures.API_KEY))
                .withHeader("Idempotency-Key", equalTo("tx_1:mca_adyen_1"))
                .withRequestBody(equalToJson(body)));
    }
}
