package dev.tender.connector.adyen;

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

/** Accounts, cards and requests of the Adyen tests. */
final class AdyenFixtures {

    static final String API_KEY = "AQE_test_api_key";
    static final String MERCHANT = "TenderECOM";
    static final String VISA = "4111111111111111";
    static final Money TEN_EUR = Money.of(10_00, Currency.EUR);

    private AdyenFixtures() {
    }

    /** An account whose base URL is the fake's, as Adyen's test endpoint is {@code …/v71}. */
    static ConnectorAccount account(String fakeBaseUrl) {
        return new ConnectorAccount("mca_adyen_1", MerchantId.of("merchant_1"), "adyen", "Adyen EU", 1, true,
                Credentials.of(HashMap.of("api_key", API_KEY)),
                HashMap.of("merchant_account", MERCHANT, "base_url", fakeBaseUrl + "/v71"));
    }

    static CallContext context(ConnectorAccount account) {
        return new CallContext(account, "tx_1:mca_adyen_1", PaymentId.of("pay_1"), TransactionId.of("tx_1"));
    }

    static PaymentMethodData.Card card(String number) {
        return new PaymentMethodData.Card(number, 3, 2030, "737", Option.some("J. Smith"));
    }

    static ConnectorRequest.Authorize authorize(ConnectorAccount account, CaptureMethod captureMethod,
                                                PaymentMethodData method, boolean store) {
        return new ConnectorRequest.Authorize(context(account), TEN_EUR, captureMethod, method,
                Option.some("cus_42"), Option.none(), store, Option.some("https://shop.example/return"),
                LinkedHashMap.of("order", "o-7"));
    }
}
