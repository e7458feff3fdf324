package dev.tender.benchmarks.jmh;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/**
 * The requests the orchestrator sends a connector for one manual-capture card payment, with the ids the
 * recorded answers ({@link Payloads}) carry back.
 */
final class ConnectorCalls {

    static final String PAYMENT_ID = "pay_7Hq2mZ0c";
    static final String AUTHORIZE = "tx_auth_1";
    static final String CAPTURE = "tx_capture_1";
    static final String REFUND = "tx_refund_1";

    private ConnectorCalls() {
    }

    static ConnectorAccount account(String id, String connector, Map<String, String> credentials,
                                    Map<String, String> settings) {
        return new ConnectorAccount(id, MerchantId.of("merchant_1"), connector, connector, 1, true,
                Credentials.of(credentials), settings);
    }

    static CallContext context(ConnectorAccount account, String transactionId) {
        return CallContext.of(account, PaymentId.of(PAYMENT_ID), TransactionId.of(transactionId));
    }

    static ConnectorRequest.Authorize authorize(ConnectorAccount account, Money amount, String cardNumber) {
        return new ConnectorRequest.Authorize(context(account, AUTHORIZE), amount, CaptureMethod.MANUAL,
                new PaymentMethodData.Card(cardNumber, 3, 2030, "737", Option.some("J. Smith")), Option.some("cus_42"),
                Option.none(), false, Option.some("https://shop.example/checkout/return"),
                LinkedHashMap.of("order", "A-17"));
    }

    static ConnectorRequest.Capture capture(ConnectorAccount account, String connectorTransactionId, Money amount) {
        return new ConnectorRequest.Capture(context(account, CAPTURE), connectorTransactionId, amount, false);
    }

    static ConnectorRequest.Refund refund(ConnectorAccount account, String connectorTransactionId, Money amount) {
        return new ConnectorRequest.Refund(context(account, REFUND), connectorTransactionId, amount,
                Option.some("requested_by_customer"));
    }
}
