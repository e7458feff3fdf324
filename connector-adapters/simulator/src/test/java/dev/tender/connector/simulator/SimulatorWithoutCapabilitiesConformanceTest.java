package dev.tender.connector.simulator;

import dev.tender.connector.kit.ConnectorConformanceTest;
import dev.tender.connector.kit.MoneyMoved;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;

/** A simulator configured with no capability: the basics still pass and every capability answers not_supported. */
class SimulatorWithoutCapabilitiesConformanceTest extends ConnectorConformanceTest {

    private final SimulatorConnector simulator = SimulatorConnector.builder().capabilities(HashSet.empty()).build();

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
        return SimulatorFixtures.card(TestCards.MASTERCARD);
    }

    @Override
    protected PaymentMethodData decliningMethod() {
        return SimulatorFixtures.card(TestCards.STOLEN_CARD);
    }

    @Override
    protected String expectedDeclineCode() {
        return "stolen_card";
    }

    @Override
    protected Option<MoneyMoved> moneyMoved(String connectorTransactionId) {
        return simulator.ledger().balance(connectorTransactionId).map(b -> new MoneyMoved(b.authorized(),
                b.captured(), b.refunded(), b.voided(), b.reversed()));
    }
}
