package dev.tender.connector.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.tender.application.ServiceSettings;
import dev.tender.connector.kit.ConnectorHttp;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.inmemory.InMemoryTender;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CapturePaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12's findings 1 and 2, reproduced against a stateful fake Stripe through the whole flow (Tender's
 * services, the Stripe connector, the reconciler), and checked against the fake's own record of the money.
 */
class LostAnswersReconciledTest {

    private final StatefulFakeStripe fake = new StatefulFakeStripe(StripeFixtures.SECRET_KEY);
    private final WireMockServer stripe = fake.serve();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryTender t = new InMemoryTender(now::get,
            ServiceSettings.defaults().withFirstRetryDelay(Duration.ofMillis(1)),
            new StripeConnector(ConnectorHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                    StripeConnector.SUPPORTED));

    LostAnswersReconciledTest() {
        t.accounts.add(StripeFixtures.account("http://localhost:" + stripe.port()));
    }

    @AfterEach
    void stopStripe() {
        stripe.stop();
    }

    @Test
    void aSecondCaptureThatNeverReachedStripeIsNotSettledAsCapturedByTheFirstOnesMoney() {
        // given: manual_multiple 100.00, a capture of 30.00 approved
        Payment payment = right(t.tender.payments().create(create(10_000, "manual_multiple")));
        right(t.tender.payments().capture(capture(payment, 3_000)));
        // and a capture of 20.00 whose connection is reset before Stripe sees it, on every attempt
        stripe.stubFor(post(urlMatching("/v1/payment_intents/.*/capture")).atPriority(1)
                .withRequestBody(containing("amount_to_capture=2000"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Payment lost = right(t.tender.payments().capture(capture(payment, 2_000)));
        assertThat(lost.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);

        // when: the reconciler syncs it, then again once "not found" is final
        reconcileAfter(ServiceSettings.defaults().firstReconcileDelay());
        reconcileAfter(ServiceSettings.defaults().notFoundGrace());

        // then: Tender captured what Stripe captured, no more
        Payment after = t.payments.find(payment.merchantId(), payment.id()).get();
        Money atStripe = fake.moneyMoved(after.connectorTransactionId().get()).get().captured();
        assertThat(atStripe).isEqualTo(Money.of(3_000, after.amount().currency()));
        assertThat(after.captured()).isEqualTo(atStripe);
        assertThat(after.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
        assertThat(after.transactions().filter(tx -> tx.kind() == TransactionKind.CAPTURE).map(tx -> tx.status()))
                .containsExactly(TransactionStatus.SUCCEEDED, TransactionStatus.FAILED);
        assertThat(t.reconciliations.all()).as("nothing left open").isEmpty();
    }

    @Test
    void anAuthorizationLostBeforeItsIdWasKnownEndsFailedOnceStripeHasNoRecordOfIt() {
        // given: every attempt's connection reset before Stripe sees it
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Payment lost = right(t.tender.payments().create(create(10_000, "manual")));
        assertThat(lost.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
        assertThat(lost.connectorTransactionId()).isEmpty();

        // when
        reconcileAfter(ServiceSettings.defaults().firstReconcileDelay());
        Payment stillLooking = t.payments.find(lost.merchantId(), lost.id()).get();
        reconcileAfter(ServiceSettings.defaults().notFoundGrace());

        // then: within the grace it is still unknown; after it, failed with nothing moved, and the queue is empty
        assertThat(stillLooking.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
        Payment after = t.payments.find(lost.merchantId(), lost.id()).get();
        assertThat(after.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(after.authorized().isZero()).isTrue();
        assertThat(t.reconciliations.all()).isEmpty();
    }

    private void reconcileAfter(Duration wait) {
        now.set(now.get().plus(wait).plusSeconds(1));
        t.tender.reconciler().runOnce(10);
    }

    private static CreatePaymentUseCase.Command create(long amount, String captureMethod) {
        return CreatePaymentUseCase.Command.of("merchant_1", null, amount, "USD", captureMethod,
                StripeFixtures.card("4242424242424242"), null, null, null, true, null, null).get();
    }

    private static CapturePaymentUseCase.Command capture(Payment payment, long amount) {
        return CapturePaymentUseCase.Command.of(payment.merchantId().value(), payment.id().value(), amount, "USD",
                false, null).get();
    }

    private static <T> T right(Either<ApplicationError, T> result) {
        assertThat(result.isRight()).as("%s", result).isTrue();
        return result.get();
    }
}
