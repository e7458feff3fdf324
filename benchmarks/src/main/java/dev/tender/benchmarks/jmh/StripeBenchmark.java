package dev.tender.benchmarks.jmh;

import dev.tender.connector.kit.ConnectorHttp;
import dev.tender.connector.stripe.StripeConnector;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.ports.out.ConnectorAccount;
import io.vavr.collection.HashMap;
import org.openjdk.jmh.annotations.Setup;

import java.util.Map;

/** Stripe: a form body, a PaymentIntent or a Refund answered (1.6 and 0.8 KB of JSON). */
public class StripeBenchmark extends ConnectorCallBenchmark {

    static final String INTENT = "pi_3QxBench2eZvKYlo2C1aB2cD3";

    @Setup
    public void prepare() {
        CannedHttpClient http = new CannedHttpClient(Map.of(
                "/v1/payment_intents", answer(200, "stripe/payment_intent_requires_capture.json"),
                "/v1/payment_intents/" + INTENT + "/capture", answer(200, "stripe/payment_intent_succeeded.json"),
                "/v1/refunds", answer(200, "stripe/refund_succeeded.json")));
        ConnectorAccount account = ConnectorCalls.account("acc_stripe_1", StripeConnector.NAME,
                HashMap.of("api_key", "sk_test_4eC39HqLyjWDarjtT1zdp7dc"), HashMap.empty());
        Money amount = Money.of(10_00, Currency.USD);
        use(http, new StripeConnector(ConnectorHttp.using(http, ConnectorHttp.DEFAULT_READ_TIMEOUT),
                        StripeConnector.SUPPORTED),
                ConnectorCalls.authorize(account, amount, "4242424242424242"),
                ConnectorCalls.capture(account, INTENT, amount), ConnectorCalls.refund(account, INTENT, amount));
    }
}
