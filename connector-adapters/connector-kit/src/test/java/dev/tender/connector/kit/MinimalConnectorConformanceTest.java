package dev.tender.connector.kit;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;

/** The kit against a connector with no capability: the basics run, every capability is skipped or not_supported. */
class MinimalConnectorConformanceTest extends ConnectorConformanceTest {

    private final MinimalConnector connector = minimal(defect());

    MinimalConnector.Defect defect() {
        return MinimalConnector.Defect.NONE;
    }

    MinimalConnector minimal(MinimalConnector.Defect defect) {
        return new MinimalConnector(defect);
    }

    @Override
    protected Connector connector() {
        return connector;
    }

    @Override
    protected ConnectorAccount account() {
        return new ConnectorAccount("acc_minimal", MerchantId.of("merchant_kit"), "minimal", "minimal", 1, true,
                Credentials.of(HashMap.empty()), HashMap.empty());
    }

    @Override
    protected PaymentMethodData approvingMethod() {
        return new PaymentMethodData.Card("4242424242424242", 12, 2030, "123", Option.none());
    }

    @Override
    protected PaymentMethodData decliningMethod() {
        return new PaymentMethodData.Card(MinimalConnector.DECLINED_CARD, 12, 2030, "123", Option.none());
    }

    @Override
    protected Option<MoneyMoved> moneyMoved(String connectorTransactionId) {
        return connector.moneyMoved(connectorTransactionId);
    }
}
