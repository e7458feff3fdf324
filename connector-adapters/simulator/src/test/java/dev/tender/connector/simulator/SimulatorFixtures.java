package dev.tender.connector.simulator;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;

/** Accounts, cards and requests as an orchestrator would send them to the simulator. */
final class SimulatorFixtures {

    static final Money TEN = usd(10_00);

    private SimulatorFixtures() {
    }

    static Money usd(long cents) {
        return Money.of(cents, Currency.USD);
    }

    static ConnectorAccount account() {
        return account("acc_sim");
    }

    static ConnectorAccount account(String id) {
        return new ConnectorAccount(id, MerchantId.of("merchant_sim"), SimulatorConnector.NAME, "Simulator", 1, true,
                Credentials.of(HashMap.empty()), HashMap.empty());
    }

    static PaymentMethodData.Card card(String number) {
        return new PaymentMethodData.Card(number, 12, 2030, "123", Option.none());
    }

    static CallContext context(String transactionId) {
        return context(account(), transactionId);
    }

    static CallContext context(ConnectorAccount account, String transactionId) {
        return CallContext.of(account, PaymentId.of("pay_" + transactionId), TransactionId.of(transactionId));
    }

    static ConnectorRequest.Authorize authorize(CallContext context, Money amount, CaptureMethod captureMethod,
                                                PaymentMethodData method) {
        return new ConnectorRequest.Authorize(context, amount, captureMethod, method, Option.some("cus_1"),
                Option.none(), false, Option.some("https://shop.example/back"), HashMap.empty());
    }

    static ConnectorRequest.Authorize purchase(String transactionId, String cardNumber) {
        return authorize(context(transactionId), TEN, CaptureMethod.AUTOMATIC, card(cardNumber));
    }

    static ConnectorRequest.Authorize manual(String transactionId, String cardNumber) {
        return authorize(context(transactionId), TEN, CaptureMethod.MANUAL, card(cardNumber));
    }

    static ConnectorRequest.Capture capture(String transactionId, String payment, Money amount, boolean finalCapture) {
        return new ConnectorRequest.Capture(context(transactionId), payment, amount, finalCapture);
    }

    static ConnectorRequest.Refund refund(String transactionId, String payment, Money amount) {
        return new ConnectorRequest.Refund(context(transactionId), payment, amount, Option.none());
    }

    static ConnectorRequest.Sync sync(CallContext context, TransactionKind kind) {
        return new ConnectorRequest.Sync(context, kind, Option.none(), TEN);
    }
}
