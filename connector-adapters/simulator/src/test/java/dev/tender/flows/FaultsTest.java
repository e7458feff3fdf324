package dev.tender.flows;

import dev.tender.connector.simulator.Balance;
import dev.tender.connector.simulator.Fault;
import dev.tender.connector.simulator.LedgerEntry;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.simulator.TestCards;
import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.domain.payment.TransactionStatus;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.ListQuery;
import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.tender.flows.SimulatedTender.ACCOUNT;
import static dev.tender.flows.SimulatedTender.MERCHANT;
import static dev.tender.flows.SimulatedTender.capture;
import static dev.tender.flows.SimulatedTender.ledgerOf;
import static dev.tender.flows.SimulatedTender.left;
import static dev.tender.flows.SimulatedTender.purchase;
import static dev.tender.flows.SimulatedTender.right;
import static dev.tender.flows.SimulatedTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's faults through the application services: whatever the processor did, or did not
 * do, the payment ends up showing it, and money moves once.
 */
class FaultsTest {

    static final long AMOUNT = 100_00;

    final SimulatorConnector simulator = new SimulatorConnector();
    final RecordingConnector wire = new RecordingConnector(simulator);
    final SimulatedTender t = new SimulatedTender(wire).withAccount(ACCOUNT, simulator.name(), 0);

    Payment authorized(String captureMethod) {
        Payment payment = right(t.tender.payments().create(purchase(AMOUNT, captureMethod, TestCards.VISA,
                "auth-" + captureMethod)));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        return payment;
    }

    static Transaction only(Payment payment, TransactionKind kind) {
        return payment.transactions().filter(tx -> tx.kind() == kind).single();
    }

    @Nested
    class TimeoutAfterTheProcessorActed {

        @Test
        void anUnknownCaptureIsReconciledToWhatTheLedgerCaptured() {
            // given: every attempt of the capture is processed, and every answer is lost
            Payment held = authorized("manual");
            simulator.faults().when(ConnectorRequest.Capture.class::isInstance, Fault.TIMEOUT_AFTER_PROCESSING);

            // when
            Payment unknown = right(t.tender.payments().capture(capture(held.id(), AMOUNT, false, "ship-1")));

            // then
            assertThat(unknown.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(unknown.captured()).isEqualTo(usd(0));
            assertThat(only(unknown, TransactionKind.CAPTURE).status()).isEqualTo(TransactionStatus.UNKNOWN);
            assertThat(wire.sent(ConnectorRequest.Capture.class)).as("three attempts under one idempotency key")
                    .hasSize(3).extracting(capture -> capture.context().idempotencyKey()).containsOnly(
                            only(unknown, TransactionKind.CAPTURE).id().value() + ":" + ACCOUNT);
            Balance ledger = ledgerOf(simulator, held);
            assertThat(ledger.captured()).as("the processor captured, once for three attempts").isEqualTo(usd(AMOUNT));
            assertThat(simulator.ledger().entries().filter(e -> e.kind() == TransactionKind.CAPTURE)).hasSize(1);

            // when
            int looked = t.reconcile();

            // then
            assertThat(looked).isEqualTo(1);
            Payment reconciled = t.stored(held.id());
            assertThat(reconciled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(reconciled.captured()).isEqualTo(ledgerOf(simulator, reconciled).captured());
            assertThat(only(reconciled, TransactionKind.CAPTURE).status()).isEqualTo(TransactionStatus.SUCCEEDED);
            assertThat(t.inMemory.reconciliations.all()).as("nothing left to reconcile").isEmpty();
        }

        @Test
        void anUnknownAuthorizationIsReconciledToRequiresCaptureAsTheLedgerHolds() {
            // given
            simulator.faults().when(ConnectorRequest.Authorize.class::isInstance, Fault.TIMEOUT_AFTER_PROCESSING);

            // when
            Payment unknown = right(t.tender.payments().create(purchase(AMOUNT, "manual", TestCards.VISA, "auth-1")));

            // then
            assertThat(unknown.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(unknown.authorized()).isEqualTo(usd(0));
            assertThat(unknown.connectorTransactionId()).as("the answer with the processor's id was lost").isEmpty();
            LedgerEntry held = simulator.ledger().entries().single();
            assertThat(held.kind()).isEqualTo(TransactionKind.AUTHORIZE);
            assertThat(held.amount()).isEqualTo(usd(AMOUNT));

            // when
            t.reconcile();

            // then
            Payment reconciled = t.stored(unknown.id());
            assertThat(reconciled.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(reconciled.connectorTransactionId()).contains(held.connectorTransactionId());
            Balance ledger = ledgerOf(simulator, reconciled);
            assertThat(reconciled.authorized()).isEqualTo(ledger.authorized());
            assertThat(reconciled.captured()).isEqualTo(ledger.captured());
            assertThat(reconciled.capturable()).isEqualTo(usd(AMOUNT));
        }
    }

    @Nested
    class TimeoutBeforeTheProcessorActed {

        @Test
        void aCaptureThatNeverArrivedIsReconciledBackToCapturableAndCanBeCapturedAgain() {
            // given
            Payment held = authorized("manual");
            simulator.faults().when(ConnectorRequest.Capture.class::isInstance, Fault.TIMEOUT_BEFORE_PROCESSING);
            Payment unknown = right(t.tender.payments().capture(capture(held.id(), AMOUNT, false, "ship-1")));
            assertThat(unknown.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(wire.sent(ConnectorRequest.Capture.class)).hasSize(3);
            assertThat(ledgerOf(simulator, held).captured()).isEqualTo(usd(0));

            // when
            t.reconcile();
            // a minute after the call, "not found" may still mean "not yet": nothing is decided
            assertThat(t.stored(held.id()).status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            t.reconcileAfter(java.time.Duration.ofMinutes(5));

            // then: the processor never got it (not_found), so the authorization is as it was
            Payment reconciled = t.stored(held.id());
            assertThat(reconciled.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(reconciled.captured()).isEqualTo(ledgerOf(simulator, reconciled).captured()).isEqualTo(usd(0));
            assertThat(reconciled.capturable()).isEqualTo(usd(AMOUNT));
            assertThat(only(reconciled, TransactionKind.CAPTURE).failure().map(Failure::code))
                    .contains(DeclineCodes.NOT_FOUND);
            assertThat(t.inMemory.reconciliations.all()).isEmpty();

            // and when the processor is reachable again
            simulator.faults().clear();
            Payment captured = right(t.tender.payments().capture(capture(held.id(), AMOUNT, false, "ship-2")));

            // then
            assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(captured.captured()).isEqualTo(ledgerOf(simulator, captured).captured()).isEqualTo(usd(AMOUNT));
        }

        @Test
        void anAuthorizationThatNeverArrivedIsReconciledToFailedAndHoldsNothing() {
            // given
            simulator.faults().when(ConnectorRequest.Authorize.class::isInstance, Fault.TIMEOUT_BEFORE_PROCESSING);
            Payment unknown = right(t.tender.payments().create(purchase(AMOUNT, "manual", TestCards.VISA, "auth-1")));
            assertThat(unknown.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);

            // when
            t.reconcile();
            // a minute after the call, "not found" may still mean "not yet": nothing is decided
            assertThat(t.stored(unknown.id()).status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            t.reconcileAfter(java.time.Duration.ofMinutes(5));

            // then: not stuck, and not authorized: the processor holds nothing for it
            Payment reconciled = t.stored(unknown.id());
            assertThat(reconciled.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(reconciled.failure().map(Failure::code)).contains(DeclineCodes.NOT_FOUND);
            assertThat(reconciled.authorized()).isEqualTo(usd(0));
            assertThat(simulator.ledger().entries()).isEmpty();
            assertThat(t.inMemory.reconciliations.all()).isEmpty();
        }
    }

    @Nested
    class SameIdempotencyKey {

        @Test
        void aCreateWithConfirmSentTwiceChargesOnce() {
            // when
            var first = t.tender.payments().create(purchase(AMOUNT, "automatic", TestCards.VISA, "order-5"));
            var second = t.tender.payments().create(purchase(AMOUNT, "automatic", TestCards.VISA, "order-5"));

            // then
            Payment paid = right(first);
            assertThat(second).isEqualTo(first);
            assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(t.tender.payments().list(MERCHANT, ListQuery.first(10)).items()).containsExactly(paid);
            assertThat(simulator.ledger().entries()).extracting(LedgerEntry::kind)
                    .containsExactly(TransactionKind.AUTHORIZE, TransactionKind.CAPTURE);
            assertThat(ledgerOf(simulator, paid).captured()).isEqualTo(paid.captured()).isEqualTo(usd(AMOUNT));
        }

        @Test
        void aCaptureSentTwiceCapturesOnce() {
            // given
            Payment held = authorized("manual_multiple");

            // when
            var first = t.tender.payments().capture(capture(held.id(), 40_00, false, "ship-7"));
            var second = t.tender.payments().capture(capture(held.id(), 40_00, false, "ship-7"));

            // then
            Payment captured = right(first);
            assertThat(second).isEqualTo(first);
            assertThat(captured.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
            assertThat(t.stored(held.id()).captured()).isEqualTo(usd(40_00));
            assertThat(ledgerOf(simulator, held).captured()).isEqualTo(usd(40_00));
            assertThat(simulator.ledger().entries().filter(e -> e.kind() == TransactionKind.CAPTURE)).hasSize(1);
        }

        @Test
        void theSameKeyForAnotherCaptureIsRefusedAndMovesNothing() {
            // given
            Payment held = authorized("manual_multiple");
            right(t.tender.payments().capture(capture(held.id(), 40_00, false, "ship-7")));

            // when
            var other = t.tender.payments().capture(capture(held.id(), 50_00, false, "ship-7"));

            // then
            assertThat(left(other)).isEqualTo(new ApplicationError.IdempotencyMismatch("ship-7"));
            assertThat(t.stored(held.id()).captured()).isEqualTo(usd(40_00));
            assertThat(ledgerOf(simulator, held).captured()).isEqualTo(usd(40_00));
        }

        @Test
        void anAnswerLostOnceIsRecoveredByTheAutomaticRetryAndAuthorizesOnce() {
            // when: the simulator approves card ...0408 but its first answer is lost
            Payment payment = right(t.tender.payments().create(purchase(AMOUNT, "manual", TestCards.ANSWER_LOST,
                    "auth-lost")));

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(payment.authorized()).isEqualTo(ledgerOf(simulator, payment).authorized())
                    .isEqualTo(usd(AMOUNT));
            assertThat(simulator.ledger().entries()).hasSize(1);
        }
    }

    @Nested
    class RoutingFallback {

        final SimulatorConnector first = new SimulatorConnector();
        final SimulatorConnector second = SimulatorConnector.builder().name("simulator-b").build();
        final SimulatedTender two = new SimulatedTender(first, second)
                .withAccount("acc_first", first.name(), 1)
                .withAccount("acc_second", second.name(), 2);

        @Test
        void aTechnicalErrorAtTheFirstAccountFallsBackToTheSecond() {
            // given
            first.faults().when(ConnectorRequest.Authorize.class::isInstance, Fault.TECHNICAL_ERROR);

            // when
            Payment payment = right(two.tender.payments().create(purchase(AMOUNT, "manual", TestCards.VISA, "auth-1")));

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(payment.connector()).contains("acc_second");
            assertThat(payment.authorized()).isEqualTo(ledgerOf(second, payment).authorized()).isEqualTo(usd(AMOUNT));
            assertThat(first.ledger().entries()).as("the first processor did nothing").isEmpty();

            // and later operations go where the authorization is
            Payment captured = right(two.tender.payments().capture(capture(payment.id(), AMOUNT, false, "ship-1")));
            assertThat(captured.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(ledgerOf(second, captured).captured()).isEqualTo(usd(AMOUNT));
            assertThat(first.ledger().entries()).isEmpty();
        }

        @Test
        void anUnknownAnswerAtTheFirstAccountNeverFallsBackAndIsReconciledThere() {
            // given: the first processor authorizes, but its answers are lost
            first.faults().when(ConnectorRequest.Authorize.class::isInstance, Fault.TIMEOUT_AFTER_PROCESSING);

            // when
            Payment payment = right(two.tender.payments().create(purchase(AMOUNT, "manual", TestCards.VISA, "auth-1")));

            // then
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(payment.connector()).contains("acc_first");
            assertThat(second.ledger().entries()).as("never sent to a second processor").isEmpty();
            assertThat(first.ledger().entries()).hasSize(1);

            // when
            two.reconcile();

            // then
            Payment reconciled = two.stored(payment.id());
            assertThat(reconciled.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(reconciled.authorized()).isEqualTo(ledgerOf(first, reconciled).authorized());
            assertThat(second.ledger().entries()).isEmpty();
        }
    }

    /**
     * Fail today: the first attempt is processed and its answer lost, the automatic retry (same key) is
     * refused before processing with technical_error. That refusal says only that the retry did nothing,
     * yet ResilientConnectors returns it as the call's outcome, which reads "certainly did not act".
     */
    @Nested
    class AnswerLostThenRetryRefused {

        @Test
        void aCaptureTheProcessorMadeIsNeverRecordedAsFailed() {
            // given
            Payment held = authorized("manual");
            simulator.faults().next(ConnectorRequest.Capture.class, Fault.TIMEOUT_AFTER_PROCESSING)
                    .next(ConnectorRequest.Capture.class, Fault.TECHNICAL_ERROR);

            // when
            Payment afterCapture = right(t.tender.payments().capture(capture(held.id(), AMOUNT, false, "ship-1")));
            t.reconcile();

            // then
            assertThat(ledgerOf(simulator, held).captured()).as("the processor captured").isEqualTo(usd(AMOUNT));
            assertThat(only(afterCapture, TransactionKind.CAPTURE).status())
                    .as("an attempt was processed, so the capture cannot be failed")
                    .isNotEqualTo(TransactionStatus.FAILED);
            Payment reconciled = t.stored(held.id());
            assertThat(reconciled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(reconciled.captured()).isEqualTo(ledgerOf(simulator, reconciled).captured());
        }

        @Test
        void anAuthorizationTheFirstProcessorMayHoldIsNotSentToTheSecond() {
            // given
            SimulatorConnector first = new SimulatorConnector();
            SimulatorConnector second = SimulatorConnector.builder().name("simulator-b").build();
            SimulatedTender two = new SimulatedTender(first, second)
                    .withAccount("acc_first", first.name(), 1)
                    .withAccount("acc_second", second.name(), 2);
            first.faults().next(ConnectorRequest.Authorize.class, Fault.TIMEOUT_AFTER_PROCESSING)
                    .next(ConnectorRequest.Authorize.class, Fault.TECHNICAL_ERROR);

            // when
            Payment payment = right(two.tender.payments().create(purchase(AMOUNT, "manual", TestCards.VISA,
                    "auth-1")));

            // then
            assertThat(first.ledger().entries()).as("the first processor holds the amount").hasSize(1);
            assertThat(second.ledger().entries()).as("so the second must hold nothing").isEmpty();
            assertThat(payment.connector()).contains("acc_first");
        }
    }

    @Test
    void anAsyncPendingCardIsProcessingUntilTheReconcilerFindsItSucceeded() {
        // given
        Payment processing = right(t.tender.payments().create(purchase(AMOUNT, "automatic", TestCards.ASYNC_PENDING,
                "buy-async")));
        assertThat(processing.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(processing.captured()).isEqualTo(usd(0));
        assertThat(simulator.ledger().pending()).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(TransactionKind.AUTHORIZE);
            assertThat(line.status()).isEqualTo(LedgerEntry.Status.PENDING);
        });
        assertThat(t.tender.reconciler().runOnce(10)).as("not due yet").isZero();

        // when
        int looked = t.reconcile();

        // then
        assertThat(looked).isEqualTo(1);
        Payment paid = t.stored(processing.id());
        assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        Balance ledger = ledgerOf(simulator, paid);
        assertThat(paid.captured()).isEqualTo(ledger.captured()).isEqualTo(usd(AMOUNT));
        assertThat(paid.authorized()).isEqualTo(ledger.authorized());
        assertThat(simulator.ledger().pending()).isEmpty();
    }

    @Nested
    class ConcurrentCaptures {

        static final int THREADS = 50;
        static final long EACH = 3_00;

        // a millisecond at the processor keeps each capture in flight while the other threads try theirs
        final SimulatorConnector slow = SimulatorConnector.builder().latency(Duration.ofMillis(1)).build();
        final SimulatedTender shared = SimulatedTender.with(slow);
        final AtomicInteger lostRaces = new AtomicInteger();

        @Test
        void fiftyThreadsNeverCaptureMoreThanAuthorizedAndTenderAgreesWithTheLedger() throws Exception {
            // given: 50 x 3.00 asked of 100.00 authorized; each thread retries until it captures or nothing is left
            Payment held = right(shared.tender.payments().create(purchase(AMOUNT, "manual_multiple", TestCards.VISA,
                    "auth-shared")));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Either<ApplicationError, Payment>>> results = new ArrayList<>();

            // when
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return captureUntilDone(held);
                }));
            }
            start.countDown();
            List<Either<ApplicationError, Payment>> answers = new ArrayList<>();
            for (Future<Either<ApplicationError, Payment>> result : results) {
                answers.add(result.get(10, TimeUnit.SECONDS));
            }
            pool.shutdown();

            // then
            long succeeded = answers.stream().filter(Either::isRight).count();
            assertThat(answers).filteredOn(Either::isLeft)
                    .allSatisfy(refused -> assertThat(refused.getLeft()).isInstanceOfSatisfying(
                            ApplicationError.Rejected.class, r -> assertThat(r.rejection().code())
                                    .isEqualTo(RejectionCode.INVALID_REQUEST_DATA)));
            assertThat(lostRaces.get()).as("the threads did compete for the payment").isPositive();
            Payment after = shared.stored(held.id());
            Balance ledger = ledgerOf(slow, after);
            assertThat(after.captured()).isLessThanOrEqualTo(after.authorized());
            assertThat(ledger.captured()).isLessThanOrEqualTo(ledger.authorized());
            assertThat(after.captured()).isEqualTo(ledger.captured());
            assertThat(succeeded).as("as many 3.00 captures as fit in 100.00").isEqualTo(AMOUNT / EACH);
            assertThat(after.captured()).isEqualTo(usd(succeeded * EACH));
            assertThat(after.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
            assertThat(after.capturable()).isEqualTo(usd(AMOUNT % EACH));
            assertThat(after.transactions().filter(tx -> tx.kind() == TransactionKind.CAPTURE))
                    .allSatisfy(tx -> assertThat(tx.status()).isEqualTo(TransactionStatus.SUCCEEDED));
        }

        /** Retries while another capture is in flight or saved first; stops on success or when too little is left. */
        private Either<ApplicationError, Payment> captureUntilDone(Payment held) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Either<ApplicationError, Payment> answer = shared.tender.payments().capture(
                        capture(held.id(), EACH, false, null));
                boolean lostARace = answer.isLeft() && (answer.getLeft() instanceof ApplicationError.Conflict
                        || answer.getLeft() instanceof ApplicationError.Rejected r
                        && r.rejection().code() == RejectionCode.PRECONDITION_FAILED);
                if (!lostARace) {
                    return answer;
                }
                lostRaces.incrementAndGet();
                Thread.yield();
            }
            throw new AssertionError("a capture never got its turn");
        }
    }
}
