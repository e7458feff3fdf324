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

        // when
        java.util.List<Either<ApplicationError, Payment>> results = Race.of(THREADS, 10, () -> {
            return t.tender.payments().capture(capture(payment.id(), usd(3_000)));
        });

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

        // when
        java.util.List<Either<ApplicationError, Payment>> results = Race.of(THREADS, 15, () -> {
            Either<ApplicationError, Payment> result;
            int tries = 0;
            do {
                result = t.tender.payments().capture(capture(payment.id(), usd(3_000)));
            } while (lostTheRace(result) && ++tries < 100_000);
            return result;
        });

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
