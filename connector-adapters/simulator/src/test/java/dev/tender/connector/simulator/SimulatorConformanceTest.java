package dev.tender.connector.simulator;

import dev.tender.connector.kit.ConnectorConformanceTest;
import dev.tender.connector.kit.MoneyMoved;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;

/** The simulator with every capability passes the whole conformance kit, amounts checked against its ledger. */
class SimulatorConformanceTest extends ConnectorConformanceTest {

    private final SimulatorConnector simulator = new SimulatorConnector();

    @Override
    protected Connector connector() {
        return simulator;
    }

    @Override
    protected ConnectorAccount account() {
        return SimulatorFixtures.account();
    }

    @Override
    protected PaymentMethodData approvingMethod() {
        return SimulatorFixtures.card(TestCards.VISA);
    }

    @Override
    protected PaymentMethodData decliningMethod() {
        return SimulatorFixtures.card(TestCards.DECLINED);
    }

    @Override
    protected Option<PaymentMethodData> challengeMethod() {
        return Option.some(SimulatorFixtures.card(TestCards.THREE_DS_CHALLENGE));
    }

    @Override
    protected ConnectorRequest.CompleteAuthorize customerReturnsFromChallenge(CallContext context,
                                                                              Outcome.RequiresAction challenge,
                                                                              boolean authenticated) {
        String payment = challenge.redirect().parameters().get("payment").get();
        return new ConnectorRequest.CompleteAuthorize(context, payment,
                HashMap.of("result", authenticated ? "success" : "failure"));
    }

    @Override
    protected Option<MoneyMoved> moneyMoved(String connectorTransactionId) {
        return simulator.ledger().balance(connectorTransactionId).map(b -> new MoneyMoved(b.authorized(),
                b.captured(), b.refunded(), b.voided(), b.reversed()));
    }
}
