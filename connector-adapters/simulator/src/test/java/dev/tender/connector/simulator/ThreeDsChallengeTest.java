package dev.tender.connector.simulator;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Redirect;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import org.junit.jupiter.api.Test;

import static dev.tender.connector.simulator.SimulatorFixtures.TEN;
import static dev.tender.connector.simulator.SimulatorFixtures.authorize;
import static dev.tender.connector.simulator.SimulatorFixtures.card;
import static dev.tender.connector.simulator.SimulatorFixtures.context;
import static dev.tender.connector.simulator.SimulatorFixtures.manual;
import static dev.tender.connector.simulator.SimulatorFixtures.sync;
import static org.assertj.core.api.Assertions.assertThat;

/** The 3DS card: a challenge at a fake ACS, then completion by what the customer's return says. */
class ThreeDsChallengeTest {

    private final SimulatorConnector simulator = new SimulatorConnector();

    @Test
    void theChallengeSendsTheCustomerToTheFakeAcsAndHoldsNoMoney() {
        // given
        var request = manual("tx_3ds", TestCards.THREE_DS_CHALLENGE);

        // when
        Outcome outcome = simulator.authorize(request);

        // then
        Redirect redirect = ((Outcome.RequiresAction) outcome).redirect();
        String payment = redirect.parameters().get("payment").get();
        assertThat(redirect.url()).isEqualTo("https://acs.simulator.invalid/challenge/" + payment);
        assertThat(redirect.method()).isEqualTo("GET");
        assertThat(redirect.parameters().get("return_url").get()).isEqualTo("https://shop.example/back");
        assertThat(simulator.ledger().entries().isEmpty()).isTrue();
        assertThat(simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE))).isEqualTo(outcome);
    }

    @Test
    void aSuccessfulChallengeApprovesTheSamePaymentAndSyncSaysSo() {
        // given
        var request = manual("tx_3ds_ok", TestCards.THREE_DS_CHALLENGE);
        String payment = paymentOf(simulator.authorize(request));

        // when
        Outcome completed = simulator.completeAuthorize(complete(request, payment, HashMap.of("result", "success")));

        // then
        assertThat(completed).isEqualTo(Outcome.Approved.of(payment));
        assertThat(simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE))).isEqualTo(completed);
        assertThat(simulator.ledger().balance(payment).get().authorized()).isEqualTo(TEN);
    }

    @Test
    void anyOtherResultDeclinesAuthenticationFailedAndNothingMoves() {
        // given
        var request = manual("tx_3ds_ko", TestCards.THREE_DS_CHALLENGE);
        String payment = paymentOf(simulator.authorize(request));

        // when
        Outcome completed = simulator.completeAuthorize(complete(request, payment, HashMap.of("result", "abandoned")));

        // then
        assertThat(completed).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.AUTHENTICATION_FAILED));
        assertThat(simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE))).isEqualTo(completed);
        assertThat(simulator.ledger().entries().isEmpty()).isTrue();
    }

    @Test
    void aCompletionAsTheOrchestratorSendsItIsFoundByItsPaymentAndTransaction() {
        // given: PaymentService completes under a key of its own, naming Tender's payment id
        var request = manual("tx_3ds_app", TestCards.THREE_DS_CHALLENGE);
        String payment = paymentOf(simulator.authorize(request));
        CallContext authorization = request.context();
        var completion = new CallContext(authorization.account(),
                "tx_3ds_app:complete:" + authorization.account().id(), authorization.paymentId(),
                authorization.transactionId());

        // when
        Outcome completed = simulator.completeAuthorize(new ConnectorRequest.CompleteAuthorize(completion,
                authorization.paymentId().value(), HashMap.of("result", "success")));

        // then
        assertThat(completed).isEqualTo(Outcome.Approved.of(payment));
        assertThat(simulator.sync(sync(authorization, TransactionKind.AUTHORIZE))).isEqualTo(completed);
    }

    @Test
    void aPaymentNotAwaitingAuthenticationCannotBeCompletedAgain() {
        // given
        var request = manual("tx_3ds_twice", TestCards.THREE_DS_CHALLENGE);
        String payment = paymentOf(simulator.authorize(request));
        simulator.completeAuthorize(complete(request, payment, HashMap.of("result", "success")));

        // when
        Outcome again = simulator.completeAuthorize(new ConnectorRequest.CompleteAuthorize(context("tx_3ds_other"),
                payment, HashMap.of("result", "success")));

        // then
        assertThat(again).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.INVALID_REQUEST));
        assertThat(simulator.ledger().balance(payment).get().authorized()).as("authorized once").isEqualTo(TEN);
    }

    @Test
    void aSimulatorWithoutThreeDsDeclinesTheChallengeCard() {
        // given
        var noThreeDs = SimulatorConnector.builder().capabilities(Capability.MANUAL_CAPTURE).build();

        // when
        Outcome outcome = noThreeDs.authorize(manual("tx_no3ds", TestCards.THREE_DS_CHALLENGE));

        // then
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.AUTHENTICATION_FAILED));
    }

    @Test
    void aMerchantInitiatedChargeOfAChallengeCardsMandateIsNotChallenged() {
        // given
        var setup = simulator.setupMandate(new ConnectorRequest.SetupMandate(context("tx_setup"),
                card(TestCards.THREE_DS_CHALLENGE), "cus_1", TEN.currency()));
        String mandate = ((Outcome.Approved) setup).mandateReference().get();

        // when
        Outcome charge = simulator.authorize(authorize(context("tx_mit"), TEN, CaptureMethod.AUTOMATIC,
                new dev.tender.ports.out.PaymentMethodData.StoredMandate(
                        dev.tender.domain.payment.MandateId.of("man_1"), mandate)));

        // then
        assertThat(charge).isInstanceOf(Outcome.Approved.class);
    }

    private static String paymentOf(Outcome challenge) {
        return ((Outcome.RequiresAction) challenge).redirect().parameters().get("payment").get();
    }

    private static ConnectorRequest.CompleteAuthorize complete(ConnectorRequest.Authorize request, String payment,
                                                               Map<String, String> parameters) {
        return new ConnectorRequest.CompleteAuthorize(request.context(), payment, parameters);
    }
}
