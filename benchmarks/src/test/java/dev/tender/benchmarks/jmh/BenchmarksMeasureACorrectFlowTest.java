package dev.tender.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.connector.kit.Json;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.ports.out.WebhookSource;
import io.vavr.collection.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each benchmark method run once, as JMH would after its setup: what it measures must be the flow it
 * claims (an approved authorization, not a decline answered early; a refunded payment, not a rejection).
 * No timing here.
 */
class BenchmarksMeasureACorrectFlowTest {

    private static final Money TEN_USD = Money.of(10_00, Currency.USD);

    @Nested
    class DomainLifecycle {

        private final DomainLifecycleBenchmark benchmark = new DomainLifecycleBenchmark();

        @BeforeEach
        void setUp() {
            benchmark.prepare();
        }

        @Test
        void theLifecycleEndsWithThePaymentCapturedAndRefundedInFull() {
            // when
            Payment refunded = benchmark.lifecycle();

            // then
            assertThat(refunded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(refunded.captured()).isEqualTo(TEN_USD);
            assertThat(refunded.refunded()).isEqualTo(TEN_USD);
            assertThat(refunded.refundable()).isEqualTo(Money.zero(Currency.USD));
            assertThat(refunded.transactions().map(Transaction::kind))
                    .containsExactly(TransactionKind.AUTHORIZE, TransactionKind.CAPTURE, TransactionKind.REFUND);
            assertThat(refunded.transactions().map(Transaction::status)).containsOnly(TransactionStatus.SUCCEEDED);
        }

        @Test
        void eachStepEndsWhereTheLifecycleGoesThrough() {
            // when
            Payment created = benchmark.createOnly();
            Payment authorized = benchmark.authorizeOnly();
            Payment captured = benchmark.captureOnly();
            Payment refunded = benchmark.refundOnly();

            // then
            assertThat(created.status()).isEqualTo(PaymentStatus.REQUIRES_CONFIRMATION);
            assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(authorized.capturable()).isEqualTo(TEN_USD);
            assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(captured.refundable()).isEqualTo(TEN_USD);
            assertThat(refunded).isEqualTo(benchmark.lifecycle());
        }

        @Test
        void anInvocationDoesNotSeeWhatAnEarlierOneDid() {
            // given
            Payment first = benchmark.lifecycle();

            // when
            benchmark.captureOnly();
            Payment later = benchmark.lifecycle();

            // then
            assertThat(later).isEqualTo(first);
            assertThat(later.transactions()).hasSize(3);
        }
    }

    @Nested
    class Stripe {

        private final StripeBenchmark benchmark = new StripeBenchmark();

        @BeforeEach
        void setUp() {
            benchmark.prepare();
        }

        @Test
        void authorizeSendsTheCardForAManualCaptureAndReadsTheIntentAsApproved() {
            // when
            Outcome outcome = benchmark.authorize();

            // then
            HttpRequest sent = benchmark.http().lastRequest();
            assertThat(outcome).isEqualTo(Outcome.Approved.of(StripeBenchmark.INTENT));
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.uri().toString()).isEqualTo("https://api.stripe.com/v1/payment_intents");
            assertThat(sent.headers().firstValue("Idempotency-Key")).contains("tx_auth_1:acc_stripe_1");
            assertThat(RequestBodies.of(sent)).contains("amount=1000", "currency=usd", "capture_method=manual",
                    "confirm=true", "payment_method_data%5Bcard%5D%5Bnumber%5D=4242424242424242",
                    "metadata%5Btender_transaction_id%5D=tx_auth_1");
        }

        @Test
        void captureAndRefundSendTheAmountAndReadStripesApprovals() {
            // when
            Outcome captured = benchmark.capture();
            String captureBody = RequestBodies.of(benchmark.http().lastRequest());
            Outcome refunded = benchmark.refund();
            HttpRequest refund = benchmark.http().lastRequest();

            // then
            assertThat(captured).isEqualTo(Outcome.Approved.of(StripeBenchmark.INTENT));
            // the service passes on the caller's final_capture (false unless asked) to an account with multicapture
            assertThat(captureBody).isEqualTo("amount_to_capture=1000&final_capture=false");
            assertThat(refunded).isEqualTo(Outcome.Approved.of("re_3QxBench2eZvKYlo2C1rE4fG5"));
            assertThat(refund.uri().getPath()).isEqualTo("/v1/refunds");
            assertThat(RequestBodies.of(refund)).startsWith("payment_intent=" + StripeBenchmark.INTENT
                    + "&amount=1000&reason=requested_by_customer");
        }
    }

    @Nested
    class Adyen {

        private final AdyenBenchmark benchmark = new AdyenBenchmark();

        @BeforeEach
        void setUp() {
            benchmark.prepare();
        }

        @Test
        void authorizeSendsTheCardForAManualCaptureAndReadsAuthorisedAsApproved() {
            // when
            Outcome outcome = benchmark.authorize();

            // then
            JsonNode body = Json.read(RequestBodies.of(benchmark.http().lastRequest()));
            assertThat(outcome).isEqualTo(Outcome.Approved.of(AdyenBenchmark.PSP_REFERENCE));
            assertThat(body.path("merchantAccount").asText()).isEqualTo("TenderECOM");
            assertThat(body.path("amount").path("value").asLong()).isEqualTo(1000);
            assertThat(body.path("additionalData").path("manualCapture").asText()).isEqualTo("true");
            assertThat(body.path("paymentMethod").path("number").asText()).isEqualTo("4111111111111111");
            assertThat(body.path("reference").asText()).isEqualTo("pay_7Hq2mZ0c/tx_auth_1");
        }

        @Test
        void captureAndRefundAreAcknowledgedAsPendingUntilTheirNotifications() {
            // when
            Outcome captured = benchmark.capture();
            HttpRequest capture = benchmark.http().lastRequest();
            Outcome refunded = benchmark.refund();
            JsonNode refund = Json.read(RequestBodies.of(benchmark.http().lastRequest()));

            // then
            assertThat(captured).isEqualTo(Outcome.Pending.of());
            assertThat(capture.uri().getPath()).isEqualTo("/v71/payments/" + AdyenBenchmark.PSP_REFERENCE + "/captures");
            assertThat(refunded).isEqualTo(Outcome.Pending.of());
            assertThat(refund.path("amount").path("value").asLong()).isEqualTo(1000);
            assertThat(refund.path("merchantRefundReason").asText()).isEqualTo("CUSTOMER REQUEST");
        }
    }

    @Nested
    class Simulator {

        private final SimulatorBenchmark benchmark = new SimulatorBenchmark();

        @BeforeEach
        void setUp() {
            benchmark.prepare();
        }

        @Test
        void authorizeApprovesTheTestCard() {
            assertThat(benchmark.authorize()).isInstanceOf(Outcome.Approved.class);
        }

        @Test
        void theLifecycleCapturesAndRefundsInFullAtTheSimulatedProcessor() {
            // when
            var simulator = benchmark.lifecycle();

            // then
            var balance = simulator.ledger().balance(simulator.ledger().entries().head().connectorTransactionId())
                    .get();
            assertThat(balance.authorized()).isEqualTo(TEN_USD);
            assertThat(balance.captured()).isEqualTo(TEN_USD);
            assertThat(balance.refunded()).isEqualTo(TEN_USD);
        }
    }

    @Nested
    class Webhooks {

        private final WebhookBenchmark benchmark = new WebhookBenchmark();

        @BeforeEach
        void setUp() {
            benchmark.prepare();
        }

        @Test
        void theSignedStripeEventVerifiesAndApprovesTheAuthorization() {
            // when
            var events = benchmark.stripeEvent();

            // then
            assertThat(events.getOrElseThrow(refused -> new AssertionError(refused.reason()))).containsExactly(new WebhookSource.Event("evt_3QxBench2eZvKYlo2C1lM8nO9",
                    PaymentId.of("pay_7Hq2mZ0c"), TransactionId.of("tx_auth_1"),
                    Outcome.Approved.of(StripeBenchmark.INTENT)));
        }

        @Test
        void theSignedAdyenNotificationVerifiesAndApprovesTheAuthorization() {
            // when
            var events = benchmark.adyenNotification();

            // then
            assertThat(events.getOrElseThrow(refused -> new AssertionError(refused.reason()))).isEqualTo(List.of(new WebhookSource.Event(
                    AdyenBenchmark.PSP_REFERENCE + ":AUTHORISATION", PaymentId.of("pay_7Hq2mZ0c"),
                    TransactionId.of("tx_auth_1"), Outcome.Approved.of(AdyenBenchmark.PSP_REFERENCE))));
        }
    }
}
