package dev.tender.connector.stripe;

import dev.tender.domain.money.Currency;
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
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;

/** Accounts, cards and requests as the orchestrator sends them to the Stripe connector. */
final class StripeFixtures {

    /** The Stripe API version whose payloads the fakes replay, which every request must name. */
    static final String API_VERSION = "2024-06-20";
    static final String SECRET_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    static final String VISA = "4242424242424242";
    static final Money TEN = Money.of(10_00, Currency.USD);

    private StripeFixtures() {
    }

    static ConnectorAccount account(String baseUrl) {
        return new ConnectorAccount("acc_stripe", MerchantId.of("merchant_1"), StripeConnector.NAME, "Stripe", 1, true,
                Credentials.of(HashMap.of("api_key", SECRET_KEY)), HashMap.of("base_url", baseUrl));
    }

    static CallContext context(ConnectorAccount account, String transactionId) {
        return CallContext.of(account, PaymentId.of("pay_" + transactionId), TransactionId.of(transactionId));
    }

    static PaymentMethodData.Card card(String number) {
        return new PaymentMethodData.Card(number, 12, 2034, "314", Option.some("Jenny Rosen"));
    }

    static ConnectorRequest.Authorize authorize(CallContext context, CaptureMethod captureMethod,
                                                PaymentMethodData method) {
        return new ConnectorRequest.Authorize(context, TEN, captureMethod, method, Option.some("cust_42"),
                Option.none(), false, Option.some("https://shop.example/back"), LinkedHashMap.of("order", "A-17"));
    }

    static Money usd(long cents) {
        return Money.of(cents, Currency.USD);
    }
}
