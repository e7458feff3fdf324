package dev.tender.flows;

import dev.tender.application.ServiceSettings;
import dev.tender.application.Tender;
import dev.tender.connector.simulator.Balance;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.inmemory.InMemoryTender;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CapturePaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.in.RefundPaymentUseCase;
import dev.tender.ports.out.CardBrands;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application services over the in-memory adapters, with simulators as processors and a clock
 * moved by hand: what an embedding team runs in one JVM. One per test.
 */
final class SimulatedTender {

    static final String MERCHANT_ID = "mer_flows";
    static final MerchantId MERCHANT = MerchantId.of(MERCHANT_ID);
    static final String ACCOUNT = "acc_sim";
    static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    /** The reconciler's first delay in the default settings: an open transaction is synced after it. */
    static final Duration FIRST_RECONCILE_DELAY = ServiceSettings.defaults().firstReconcileDelay();

    final HandClock clock = new HandClock(START);
    final InMemoryTender inMemory;
    final Tender tender;

    SimulatedTender(Connector... connectors) {
        this.inMemory = new InMemoryTender(clock,
                ServiceSettings.defaults().withFirstRetryDelay(Duration.ofMillis(1)), connectors);
        this.tender = inMemory.tender;
    }

    /** One simulator, behind the merchant's only account {@link #ACCOUNT}. */
    static SimulatedTender with(SimulatorConnector simulator) {
        return new SimulatedTender(simulator).withAccount(ACCOUNT, simulator.name(), 0);
    }

    SimulatedTender withAccount(String id, String connectorName, int priority) {
        inMemory.accounts.add(new ConnectorAccount(id, MERCHANT, connectorName, "default", priority, true,
                Credentials.of(HashMap.empty()), HashMap.empty()));
        return this;
    }

    Payment stored(PaymentId paymentId) {
        return right(tender.payments().get(MERCHANT, paymentId));
    }

    /** Moves the clock on by {@code delay} and runs the reconciler once. */
    int reconcileAfter(java.time.Duration delay) {
        clock.advance(delay);
        return tender.reconciler().runOnce(10);
    }

    /** Moves the clock past the first reconcile delay and runs the reconciler once. */
    int reconcile() {
        clock.advance(FIRST_RECONCILE_DELAY.plusSeconds(1));
        return tender.reconciler().runOnce(10);
    }

    // ---------------------------------------------------------------- values

    static Money usd(long cents) {
        return Money.of(cents, Currency.USD);
    }

    static PaymentMethodData.Card card(String number) {
        // Amex prints four digits, the other schemes three
        String cvc = "1234".substring(0, CardBrands.cvcLength(CardBrands.brandOf(number)));
        return new PaymentMethodData.Card(number, 12, 2030, cvc, Option.none());
    }

    /** What the simulator moved on the payment, by the processor's id the payment carries. */
    static Balance ledgerOf(SimulatorConnector simulator, Payment payment) {
        String reference = payment.connectorTransactionId().getOrElseThrow(() ->
                new AssertionError("payment " + payment.id() + " has no processor reference"));
        return simulator.ledger().balance(reference).getOrElseThrow(() ->
                new AssertionError("the simulator moved nothing on " + reference));
    }

    // ---------------------------------------------------------------- commands, as a client sends them

    /** Create and confirm in one step, with a card. */
    static CreatePaymentUseCase.Command purchase(long cents, String captureMethod, String cardNumber, String key) {
        return valid(CreatePaymentUseCase.Command.of(MERCHANT_ID, null, cents, "USD", captureMethod,
                card(cardNumber), null, null, null, true, null, key));
    }

    static CapturePaymentUseCase.Command capture(PaymentId paymentId, long cents, boolean finalCapture, String key) {
        return valid(CapturePaymentUseCase.Command.of(MERCHANT_ID, paymentId.value(), cents, "USD", finalCapture,
                key));
    }

    static RefundPaymentUseCase.Command refund(PaymentId paymentId, long cents, String reason, String key) {
        return valid(RefundPaymentUseCase.Command.of(MERCHANT_ID, paymentId.value(), null, cents, "USD", reason,
                key));
    }

    // ---------------------------------------------------------------- results

    static <T> T valid(Validation<Seq<FieldError>, T> command) {
        assertThat(command.isValid()).as("a valid command, got %s", command).isTrue();
        return command.get();
    }

    static <T> T right(Either<ApplicationError, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result).isTrue();
        return result.get();
    }

    static ApplicationError left(Either<ApplicationError, ?> result) {
        assertThat(result.isLeft()).as("expected an error, got %s", result).isTrue();
        return result.getLeft();
    }

    static RejectionCode rejectionCode(Either<ApplicationError, ?> result) {
        ApplicationError error = left(result);
        assertThat(error).as("a rejection").isInstanceOf(ApplicationError.Rejected.class);
        return ((ApplicationError.Rejected) error).rejection().code();
    }
}
