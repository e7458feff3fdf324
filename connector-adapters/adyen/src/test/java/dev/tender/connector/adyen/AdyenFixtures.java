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
    /** The notifications' HMAC key, hex as the Customer Area shows it. */
    static final String HMAC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    static final String MERCHANT = "TenderECOM";
    static final String VISA = "4111111111111111";

    /**
     * Adyen's published HMAC example (the validator test of its Java library): under this key, a
     * REPORT_AVAILABLE item with pspReference {@code test_REPORT_AVAILABLE}, merchant account
     * {@code Magento2Rik}, merchant reference {@code testMerchantRef1}, EUR 0 and success "true" is signed so.
     */
    static final String PUBLISHED_HMAC_KEY = "9064450A8892A093D9E97EFCC9639DE31B74F3A7803135555A3C96F5A57915D6";
    static final String PUBLISHED_SIGNATURE = "NuEkADFmlCC6VgX+wcoPAegIWxVPNBPCuKlM4Hzo5qc=";
    static final Money TEN_EUR = Money.of(10_00, Currency.EUR);

    private AdyenFixtures() {
    }

    /** An account whose base URL is the fake's, as Adyen's test endpoint is {@code …/v71}. */
    static ConnectorAccount account(String fakeBaseUrl) {
        return new ConnectorAccount("mca_adyen_1", MerchantId.of("merchant_1"), "adyen", "Adyen EU", 1, true,
                Credentials.of(HashMap.of("api_key", API_KEY, AdyenNotifications.SECRET, HMAC_KEY)),
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
