package dev.tender.application;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.inmemory.ConnectorRegistry;
import dev.tender.inmemory.DerivedRedirectSecrets;
import dev.tender.inmemory.InMemoryTender;
import dev.tender.inmemory.RandomIdGenerator;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CapturePaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link InMemoryTender} on a hand-moved clock, with fixture factories for the commands the
 * application tests send. One per test.
 */
public final class TestTender {

    public static final MerchantId MERCHANT = MerchantId.of("mer_test");
    public static final MerchantId OTHER_MERCHANT = MerchantId.of("mer_other");
    public static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final InMemoryTender inMemory;
    public final Tender tender;

    public TestTender(ServiceSettings settings, ScriptedConnector... connectors) {
        this(settings, null, connectors);
    }

    public TestTender(ServiceSettings settings, String returnUrlBase, ScriptedConnector... connectors) {
        this.inMemory = new InMemoryTender(clock, settings, returnUrlBase, connectors);
        this.tender = inMemory.tender;
    }

    /** Defaults, with retries 1 ms apart so a test never waits. */
    /** Another process: its own services and circuit breakers over the same stores, connectors and clock. */
    public Tender anotherInstance(ScriptedConnector... connectors) {
        return Tender.builder()
                .payments(inMemory.payments).refunds(inMemory.refunds).mandates(inMemory.mandates)
                .idempotencyKeys(inMemory.idempotencyKeys).outbox(inMemory.outbox)
                .reconciliations(inMemory.reconciliations).connectorAccounts(inMemory.accounts)
                .connectors(ConnectorRegistry.of(connectors))
                .redirectSecrets(new DerivedRedirectSecrets(new byte[32]))
                .time(clock).ids(new RandomIdGenerator()).settings(fastSettings())
                .build();
    }

    public static ServiceSettings fastSettings() {
        return ServiceSettings.defaults().withFirstRetryDelay(Duration.ofMillis(1));
    }

    public TestTender withAccount(String id, String connectorName, int priority) {
        inMemory.accounts.add(account(id, connectorName, priority, true));
        return this;
    }

    public TestTender withDisabledAccount(String id, String connectorName, int priority) {
        inMemory.accounts.add(account(id, connectorName, priority, false));
        return this;
    }

    public static ConnectorAccount account(String id, String connectorName, int priority, boolean enabled) {
        return new ConnectorAccount(id, MERCHANT, connectorName, "label " + id, priority, enabled,
                Credentials.of(HashMap.empty()), HashMap.empty());
    }

    // ---------------------------------------------------------------- command fixtures

    public static Money usd(long minor) {
        return Money.of(minor, Currency.USD);
    }

    public static PaymentMethodData.Card card() {
        return new PaymentMethodData.Card("4242424242424242", 12, 2030, "123", Option.some("Ada Lovelace"));
    }

    public static CreatePaymentUseCase.Command createAndConfirm(Money amount, CaptureMethod captureMethod) {
        return createAndConfirm(amount, captureMethod, Option.none());
    }

    public static CreatePaymentUseCase.Command createAndConfirm(Money amount, CaptureMethod captureMethod,
                                                                Option<String> idempotencyKey) {
        return new CreatePaymentUseCase.Command(MERCHANT, Option.none(), amount, captureMethod,
                Option.some(card()), Option.none(), Option.none(), LinkedHashMap.empty(), true, Option.none(),
                idempotencyKey, Option.none());
    }

    public static CapturePaymentUseCase.Command capture(PaymentId paymentId, Money amount) {
        return new CapturePaymentUseCase.Command(MERCHANT, paymentId, Option.some(amount), false, Option.none());
    }

    // ---------------------------------------------------------------- steps and reads

    /** Creates and confirms a payment; the create must not be refused. */
    public Payment createConfirmed(Money amount, CaptureMethod captureMethod) {
        return right(tender.payments().create(createAndConfirm(amount, captureMethod)));
    }

    public Payment stored(PaymentId paymentId) {
        return inMemory.payments.find(MERCHANT, paymentId).getOrElseThrow(() ->
                new AssertionError("payment " + paymentId + " is not stored"));
    }

    public static <T> T right(Either<ApplicationError, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result).isTrue();
        return result.get();
    }

    public static ApplicationError left(Either<ApplicationError, ?> result) {
        assertThat(result.isLeft()).as("expected an error, got %s", result).isTrue();
        return result.getLeft();
    }

    public static RejectionCode rejectionCode(Either<ApplicationError, ?> result) {
        ApplicationError error = left(result);
        assertThat(error).as("a rejection").isInstanceOf(ApplicationError.Rejected.class);
        return ((ApplicationError.Rejected) error).rejection().code();
    }
}
