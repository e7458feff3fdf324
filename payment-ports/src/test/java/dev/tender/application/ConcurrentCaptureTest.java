package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.tender.application.TestTender.capture;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Optimistic locking and the one-operation-in-flight rule keep racing captures within the authorization. */
class ConcurrentCaptureTest {

    static final int THREADS = 50;

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    @Test
    void fiftyRacingCapturesNeverCaptureMoreThanAuthorizedAndEachEndsCleanly() throws Exception {
        // given
        Payment payment = t.createConfirmed(usd(100_000), CaptureMethod.MANUAL_MULTIPLE);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        java.util.List<Future<Either<ApplicationError, Payment>>> futures = new ArrayList<>();

        // when
        try {
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return t.tender.payments().capture(capture(payment.id(), usd(3_000)));
                }));
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        java.util.List<Either<ApplicationError, Payment>> results = new ArrayList<>();
        for (Future<Either<ApplicationError, Payment>> future : futures) {
            results.add(future.get());
        }

        // then
        Payment after = t.stored(payment.id());
        assertThat(after.captured().isGreaterThan(after.authorized())).isFalse();
        assertThat(results).allSatisfy(result -> {
            if (result.isLeft()) {
                assertThat(result.getLeft()).isInstanceOfAny(ApplicationError.Rejected.class,
                        ApplicationError.Conflict.class);
            }
        });
        long succeeded = results.stream().filter(Either::isRight).count();
        assertThat(succeeded).isPositive();
        Money approvedAtConnector = connector.calls(Op.CAPTURE).filter(ScriptedConnector.Call::approved)
                .map(call -> ((ConnectorRequest.Capture) call.request()).amount())
                .foldLeft(usd(0), Money::plus);
        assertThat(approvedAtConnector).isEqualTo(after.captured());
        assertThat(connector.count(Op.CAPTURE)).isEqualTo((int) succeeded);
        assertThat(after.captured()).isEqualTo(usd(3_000 * succeeded));
        assertThat(List.ofAll(connector.<ConnectorRequest.Capture>requests(Op.CAPTURE))
                .map(r -> r.context().idempotencyKey()).distinct()).hasSize((int) succeeded);
        assertThat(after.inFlight()).isEmpty();
    }

    @Test
    void racingCapturesThatRetryWhileAnotherIsInFlightCaptureExactlyWhatFits() throws Exception {
        // given
        Payment payment = t.createConfirmed(usd(100_000), CaptureMethod.MANUAL_MULTIPLE);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        java.util.List<Future<Either<ApplicationError, Payment>>> futures = new ArrayList<>();

        // when
        try {
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    Either<ApplicationError, Payment> result;
                    int tries = 0;
                    do {
                        result = t.tender.payments().capture(capture(payment.id(), usd(3_000)));
                    } while (lostTheRace(result) && ++tries < 100_000);
                    return result;
                }));
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(15, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        java.util.List<Either<ApplicationError, Payment>> results = new ArrayList<>();
        for (Future<Either<ApplicationError, Payment>> future : futures) {
            results.add(future.get());
        }

        // then
        assertThat(results.stream().filter(Either::isRight)).hasSize(33);
        assertThat(results.stream().filter(Either::isLeft).map(Either::getLeft))
                .hasSize(17)
                .allSatisfy(error -> assertThat(error).isInstanceOfSatisfying(ApplicationError.Rejected.class,
                        r -> assertThat(r.rejection().code()).isEqualTo(RejectionCode.INVALID_REQUEST_DATA)));
        Payment after = t.stored(payment.id());
        assertThat(after.captured()).isEqualTo(usd(99_000));
        assertThat(after.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
        assertThat(connector.calls(Op.CAPTURE).filter(ScriptedConnector.Call::approved)
                .map(call -> ((ConnectorRequest.Capture) call.request()).amount())
                .foldLeft(usd(0), Money::plus)).isEqualTo(usd(99_000));
    }

    /** Another capture was in flight, or saved first: nothing happened, so trying again is right. */
    static boolean lostTheRace(Either<ApplicationError, Payment> result) {
        return result.isLeft() && (result.getLeft() instanceof ApplicationError.Conflict
                || result.getLeft() instanceof ApplicationError.Rejected r
                && r.rejection().code() == RejectionCode.PRECONDITION_FAILED);
    }

    @Test
    void capturesOneAfterAnotherStopAtTheAuthorizedAmount() {
        // given
        Payment payment = t.createConfirmed(usd(100_000), CaptureMethod.MANUAL_MULTIPLE);

        // when
        List<Either<ApplicationError, Payment>> results = List.range(0, THREADS)
                .map(i -> t.tender.payments().capture(capture(payment.id(), usd(3_000))));

        // then
        assertThat(results.count(Either::isRight)).isEqualTo(33);
        Payment after = t.stored(payment.id());
        assertThat(after.captured()).isEqualTo(usd(99_000));
        assertThat(after.capturable()).isEqualTo(usd(1_000));
        assertThat(after.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED_AND_CAPTURABLE);
        assertThat(connector.count(Op.CAPTURE)).isEqualTo(33);
    }
}
