package dev.tender.benchmarks.jmh;

import dev.tender.connector.adyen.AdyenConnector;
import dev.tender.connector.kit.ConnectorHttp;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.ports.out.ConnectorAccount;
import io.vavr.collection.HashMap;
import org.openjdk.jmh.annotations.Setup;

import java.util.Map;

/**
 * Adyen Checkout: a JSON body; an authorisation's resultCode read, a modification only acknowledged
 * ("received", its outcome comes by notification).
 */
public class AdyenBenchmark extends ConnectorCallBenchmark {

    static final String PSP_REFERENCE = "QFQTPCQ8HXSKGK82";

    @Setup
    public void prepare() {
        CannedHttpClient http = new CannedHttpClient(Map.of(
                "/v71/payments", answer(200, "adyen/payment_authorised.json"),
                "/v71/payments/" + PSP_REFERENCE + "/captures", answer(201, "adyen/capture_received.json"),
                "/v71/payments/" + PSP_REFERENCE + "/refunds", answer(201, "adyen/refund_received.json")));
        ConnectorAccount account = ConnectorCalls.account("mca_adyen_1", AdyenConnector.NAME,
                HashMap.of("api_key", "AQE_test_api_key"), HashMap.of("merchant_account", "TenderECOM"));
        Money amount = Money.of(10_00, Currency.EUR);
        use(http, new AdyenConnector(ConnectorHttp.using(http, ConnectorHttp.DEFAULT_READ_TIMEOUT)),
                ConnectorCalls.authorize(account, amount, "4111111111111111"),
                ConnectorCalls.capture(account, PSP_REFERENCE, amount),
                ConnectorCalls.refund(account, PSP_REFERENCE, amount));
    }
}
