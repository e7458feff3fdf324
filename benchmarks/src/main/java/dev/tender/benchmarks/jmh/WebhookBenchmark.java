package dev.tender.benchmarks.jmh;

import dev.tender.connector.adyen.AdyenConnector;
import dev.tender.connector.stripe.StripeConnector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One signed notification read as a connector reads it: the signature verified (Stripe-Signature's
 * HMAC-SHA256 over the raw body; Adyen's per-item HMAC over its fields), then the body read into events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class WebhookBenchmark {

    private static final String STRIPE_SECRET = "whsec_7f3kQ9bench0signing1secret2x";
    private static final String ADYEN_HMAC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    private static final Instant SENT = Instant.parse("2026-11-24T12:00:01Z");

    private final StripeConnector stripe = new StripeConnector();
    private final AdyenConnector adyen = new AdyenConnector();
    private ConnectorAccount stripeAccount;
    private ConnectorAccount adyenAccount;
    private WebhookSource.Delivery stripeEvent;
    private WebhookSource.Delivery adyenNotification;

    @Setup
    public void prepare() {
        stripeAccount = ConnectorCalls.account("acc_stripe_1", StripeConnector.NAME,
                HashMap.of("api_key", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "webhook_secret", STRIPE_SECRET),
                HashMap.empty());
        adyenAccount = ConnectorCalls.account("mca_adyen_1", AdyenConnector.NAME,
                HashMap.of("api_key", "AQE_test_api_key", "hmac_key", ADYEN_HMAC_KEY),
                HashMap.of("merchant_account", "TenderECOM"));

        byte[] event = Payloads.read("stripe/event_amount_capturable_updated.json").getBytes(StandardCharsets.UTF_8);
        stripeEvent = new WebhookSource.Delivery(
                HashMap.of("stripe-signature", Signatures.stripe(STRIPE_SECRET, SENT.getEpochSecond(), event)),
                event, SENT.plusSeconds(2));

        // the fields of the recorded item, in Adyen's order; no originalReference on an AUTHORISATION
        String signature = Signatures.adyen(ADYEN_HMAC_KEY, AdyenBenchmark.PSP_REFERENCE, "", "TenderECOM",
                ConnectorCalls.PAYMENT_ID + "/" + ConnectorCalls.AUTHORIZE, "1000", "EUR", "AUTHORISATION", "true");
        byte[] notification = Payloads.read("adyen/notification_authorisation.json")
                .replace("${hmacSignature}", signature).getBytes(StandardCharsets.UTF_8);
        adyenNotification = new WebhookSource.Delivery(HashMap.empty(), notification, SENT.plusSeconds(2));
    }

    @Benchmark
    public Either<WebhookSource.Refused, List<WebhookSource.Event>> stripeEvent() {
        return stripe.read(stripeEvent, stripeAccount);
    }

    @Benchmark
    public Either<WebhookSource.Refused, List<WebhookSource.Event>> adyenNotification() {
        return adyen.read(adyenNotification, adyenAccount);
    }
}
