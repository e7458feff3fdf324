package dev.tender.connector.adyen;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tender.connector.adyen.AdyenFixtures.TEN_EUR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures, cancels, reversals, refunds and amount updates: the exact request of each, and Adyen's
 * acknowledgement ({@code 201 "status":"received"}) read as Pending, never Approved.
 */
class ModificationsTest {

    private static final String PAYMENT = "QFQTPCQ8HXSKGK82";

    @RegisterExtension
    static WireMockExtension adyen = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final AdyenConnector connector = new AdyenConnector();
    private ConnectorAccount account;
    private CallContext context;

    @BeforeEach
    void account() {
        account = AdyenFixtures.account(adyen.baseUrl());
        context = AdyenFixtures.context(account);
    }

    /** Adyen's acknowledgement of a modification, as its API reference shows it (values ours). */
    private void adyenReceives(String modification, String extraFields) {
        adyen.stubFor(post("/v71/payments/" + PAYMENT + "/" + modification).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"merchantAccount":"TenderECOM","paymentPspReference":"%s","pspReference":"JDD6LKT8MBLZNN84",
                         "reference":"pay_1/tx_1",%s"status":"received"}""".formatted(PAYMENT, extraFields))));
    }

    private void assertSent(String modification, String body) {
        adyen.verify(postRequestedFor(urlEqualTo("/v71/payments/" + PAYMENT + "/" + modification))
                .withHeader("X-API-Key", equalTo(AdyenFixtures.API_KEY))
                .withHeader("Idempotency-Key", equalTo("tx_1:mca_adyen_1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(body)));
    }

    @Test
    void aCaptureSendsTheAmountAndIsPendingUntilTheWebhook() {
        adyenReceives("captures", "\"amount\":{\"currency\":\"EUR\",\"value\":600},");

        Outcome outcome = connector.capture(new ConnectorRequest.Capture(context, PAYMENT,
                Money.of(600, TEN_EUR.currency()), false));

        assertSent("captures", """
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1","amount":{"currency":"EUR","value":600}}""");
        assertThat(outcome).isEqualTo(Outcome.Pending.of());
    }

    @Test
    void aVoidIsACancelWithoutAmount() {
        adyenReceives("cancels", "");

        Outcome outcome = connector.voidAuthorization(new ConnectorRequest.Void(context, PAYMENT, TEN_EUR));

        assertSent("cancels", """
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1"}""");
        assertThat(outcome).isEqualTo(Outcome.Pending.of());
    }

    @Test
    void aReverseIsAReversal() {
        adyenReceives("reversals", "");

        Outcome outcome = connector.reverse(new ConnectorRequest.Reverse(context, PAYMENT, TEN_EUR));

        assertSent("reversals", """
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1"}""");
        assertThat(outcome).isEqualTo(Outcome.Pending.of());
    }

    @Test
    void aRefundSendsTheAmountAndAdyensReasonWord() {
        adyenReceives("refunds", "\"amount\":{\"currency\":\"EUR\",\"value\":400},");

        Outcome outcome = connector.refund(new ConnectorRequest.Refund(context, PAYMENT,
                Money.of(400, TEN_EUR.currency()), Option.some("requested_by_customer")));

        assertSent("refunds", """
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1","amount":{"currency":"EUR","value":400},
                 "merchantRefundReason":"CUSTOMER REQUEST"}""");
        assertThat(outcome).isEqualTo(Outcome.Pending.of());
    }

    @Test
    void aRefundReasonAdyenHasNoWordForIsOther() {
        adyenReceives("refunds", "");

        connector.refund(new ConnectorRequest.Refund(context, PAYMENT, TEN_EUR, Option.some("changed_my_mind")));

        assertSent("refunds", """
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1","amount":{"currency":"EUR","value":1000},
                 "merchantRefundReason":"OTHER"}""");
    }

    @Test
    void anIncrementIsAnAmountUpdateToTheNewTotal() {
        adyenReceives("amountUpdates", "\"amount\":{\"currency\":\"EUR\",\"value\":1500},\"industryUsage\":\"delayedCharge\",");

        Outcome outcome = connector.incrementAuthorization(new ConnectorRequest.IncrementAuthorization(context,
                PAYMENT, Money.of(1500, TEN_EUR.currency())));

        assertSent("amountUpdates", """
                {"merchantAccount":"TenderECOM","reference":"pay_1/tx_1","amount":{"currency":"EUR","value":1500},
                 "industryUsage":"delayedCharge"}""");
        assertThat(outcome).isEqualTo(Outcome.Pending.of());
    }

    @Test
    void anAcknowledgementWithAnotherStatusIsUnknown() {
        adyen.stubFor(post("/v71/payments/" + PAYMENT + "/captures").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"pspReference":"JDD6LKT8MBLZNN84","status":"processing"}""")));

        Outcome outcome = connector.capture(new ConnectorRequest.Capture(context, PAYMENT, TEN_EUR, true));

        assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
    }

    @Test
    void aPspReferenceIsEscapedInThePath() {
        adyen.stubFor(post("/v71/payments/a%2Fb/captures").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"received\"}")));

        Outcome outcome = connector.capture(new ConnectorRequest.Capture(context, "a/b", TEN_EUR, true));

        assertThat(outcome).isEqualTo(Outcome.Pending.of());
    }

    @Test
    void syncAsksAdyenNothingAndAnswersUnknown() {
        for (TransactionKind kind : TransactionKind.values()) {
            Outcome outcome = connector.sync(new ConnectorRequest.Sync(context, kind, Option.some(PAYMENT), TEN_EUR));

            assertThat(outcome).as("sync of %s", kind).isInstanceOf(Outcome.Unknown.class);
        }
        assertThat(adyen.getAllServeEvents()).isEmpty();
    }
}
