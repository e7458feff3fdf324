package dev.tender.domain.payment;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;

/** Test data for the payment flows: a USD card payment at a connector that can do everything. */
public final class PaymentFixtures {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final MerchantId MERCHANT = MerchantId.of("merchant_1");
    public static final String CUSTOMER = "cus_1";
    public static final String CONNECTOR = "test_connector";
    public static final PaymentMethod.Card CARD =
            new PaymentMethod.Card("visa", "424242", "4242", 12, 2030, Option.none());
    public static final Set<Capability> ALL_CAPABILITIES = HashSet.of(Capability.values());
    /** 100.00 USD. */
    public static final Money AMOUNT = usd(10_000);
    public static final TransactionId AUTHORIZE = TransactionId.of("tx_authorize");

    private PaymentFixtures() {
    }

    public static Money usd(long cents) {
        return Money.of(cents, Currency.USD);
    }

    public static Instant minutesAfterT0(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static TransactionId tx(String id) {
        return TransactionId.of(id);
    }

    // ---------------------------------------------------------------- commands

    public static CreatePayment createCommand(String paymentId, Money amount, CaptureMethod captureMethod) {
        return CreatePayment.of(PaymentId.of(paymentId), MERCHANT, amount, captureMethod, Option.some(CARD), T0);
    }

    public static Confirm confirmCommand(TransactionId transactionId, Set<Capability> capabilities, Instant at) {
        return new Confirm(transactionId, Option.none(), CONNECTOR, capabilities, at);
    }

    public static Capture captureCommand(String transactionId, Money amount, boolean finalCapture, Instant at) {
        return new Capture(tx(transactionId), amount, finalCapture, at);
    }

    public static RecordOutcome approval(TransactionId transactionId, Instant at) {
        return new RecordOutcome(transactionId, Outcome.Approved.of("ref"), at);
    }

    public static CustomerAcceptance onlineAcceptance() {
        return new CustomerAcceptance("online", T0, Option.none(), Option.none());
    }

    // ---------------------------------------------------------------- payments in a given state

    /** {@code requires_confirmation}: 100.00 USD with the test card. */
    public static Payment created(CaptureMethod captureMethod) {
        return created(captureMethod, AMOUNT);
    }

    public static Payment created(CaptureMethod captureMethod, Money amount) {
        return ok(Payment.create(createCommand("pay_1", amount, captureMethod)));
    }

    /** {@code processing}: the authorization {@link #AUTHORIZE} is sent, with every capability. */
    public static Payment confirmed(Payment payment) {
        return confirmed(payment, ALL_CAPABILITIES);
    }

    public static Payment confirmed(Payment payment, Set<Capability> capabilities) {
        return ok(payment.confirm(confirmCommand(AUTHORIZE, capabilities, T0)));
    }

    /** Approved authorization: {@code requires_capture} (manual) or {@code succeeded} (automatic). */
    public static Payment authorized(CaptureMethod captureMethod) {
        return authorized(captureMethod, AMOUNT);
    }

    public static Payment authorized(CaptureMethod captureMethod, Money amount) {
        return approve(confirmed(created(captureMethod, amount)), AUTHORIZE);
    }

    public static Payment authorized(CaptureMethod captureMethod, Set<Capability> capabilities) {
        return approve(confirmed(created(captureMethod), capabilities), AUTHORIZE);
    }

    // ---------------------------------------------------------------- steps

    public static Payment approve(Payment payment, TransactionId transactionId) {
        return approve(payment, transactionId, T0);
    }

    public static Payment approve(Payment payment, TransactionId transactionId, Instant at) {
        return ok(payment.recordOutcome(approval(transactionId, at)));
    }

    public static Payment record(Payment payment, TransactionId transactionId, Outcome outcome, Instant at) {
        return ok(payment.recordOutcome(new RecordOutcome(transactionId, outcome, at)));
    }

    /** Begins and approves a capture. */
    public static Payment capture(Payment payment, String transactionId, Money amount, boolean finalCapture) {
        Payment begun = ok(payment.beginCapture(captureCommand(transactionId, amount, finalCapture, T0)));
        return approve(begun, tx(transactionId));
    }

    /** Begins a refund, unanswered. */
    public static Payment beginRefund(Payment payment, String refundId, Money amount) {
        return ok(payment.beginRefund(new Refund(tx(refundId), amount, Option.none(), T0)));
    }

    public static RefundStatus refundStatus(Payment payment, String refundId) {
        return payment.transaction(tx(refundId)).get().refundStatus();
    }

    // ---------------------------------------------------------------- results

    /** The payment (or mandate, …) a command returned; a rejection fails the test with its message. */
    public static <T> T ok(Either<Rejection, T> result) {
        return result.getOrElseThrow(rejection -> new AssertionError("unexpected rejection: " + rejection));
    }

    /** The rejection a command returned; a success fails the test. */
    public static Rejection rejected(Either<Rejection, ?> result) {
        if (result.isRight()) {
            throw new AssertionError("expected a rejection, got " + result.get());
        }
        return result.getLeft();
    }
}
