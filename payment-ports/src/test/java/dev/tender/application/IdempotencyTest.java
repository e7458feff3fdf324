package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CapturePaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.ListQuery;
import io.vavr.collection.HashMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.createAndConfirm;
import static dev.tender.application.TestTender.left;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key runs a command once: a replay answers what the first run answered. */
class IdempotencyTest {

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    @Test
    void theSameKeyAndCommandCallsTheConnectorOnceAndReplaysTheResult() {
        // given
        var command = createAndConfirm(usd(2_000), CaptureMethod.AUTOMATIC, Option.some("key-1"));
        Either<ApplicationError, Payment> first = t.tender.payments().create(command);

        // when
        Either<ApplicationError, Payment> again = t.tender.payments().create(command);

        // then
        assertThat(again).isEqualTo(first);
        assertThat(right(again).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(connector.count(Op.AUTHORIZE)).isEqualTo(1);
        assertThat(t.inMemory.payments.list(MERCHANT, ListQuery.first(10)).items()).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherCommandIsAMismatchAndChangesNothing() {
        // given
        t.tender.payments().create(createAndConfirm(usd(2_000), CaptureMethod.AUTOMATIC, Option.some("key-1")));

        // when
        var other = t.tender.payments().create(createAndConfirm(usd(2_001), CaptureMethod.AUTOMATIC,
                Option.some("key-1")));

        // then
        assertThat(left(other)).isEqualTo(new ApplicationError.IdempotencyMismatch("key-1"));
        assertThat(connector.count(Op.AUTHORIZE)).isEqualTo(1);
        assertThat(t.inMemory.payments.list(MERCHANT, ListQuery.first(10)).items()).hasSize(1);
    }

    @Test
    void withoutAKeyTheSameCommandMakesTwoPayments() {
        // given
        var command = createAndConfirm(usd(2_000), CaptureMethod.AUTOMATIC);

        // when
        Payment first = right(t.tender.payments().create(command));
        Payment second = right(t.tender.payments().create(command));

        // then
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(connector.count(Op.AUTHORIZE)).isEqualTo(2);
        assertThat(t.inMemory.payments.list(MERCHANT, ListQuery.first(10)).items()).hasSize(2);
    }

    @Test
    void aReplayedCaptureDoesNotCaptureTwice() {
        // given
        Payment payment = t.createConfirmed(usd(2_000), CaptureMethod.MANUAL_MULTIPLE);
        var capture = new CapturePaymentUseCase.Command(MERCHANT, payment.id(), Option.some(usd(500)), false,
                Option.some("capture-1"));
        Payment first = right(t.tender.payments().capture(capture));

        // when
        Payment again = right(t.tender.payments().capture(capture));

        // then
        assertThat(again).isEqualTo(first);
        assertThat(connector.count(Op.CAPTURE)).isEqualTo(1);
        assertThat(t.stored(payment.id()).captured()).isEqualTo(usd(500));
    }

    @Test
    void theSameKeyWhileTheFirstRequestRunsIsAConflictAndTheKeyStillReplaysAfterwards() throws Exception {
        // given
        var command = createAndConfirm(usd(2_000), CaptureMethod.AUTOMATIC, Option.some("key-slow"));
        CountDownLatch inConnector = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        connector.onCall(request -> {
            inConnector.countDown();
            await(release);
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Either<ApplicationError, Payment>> first = pool.submit(() -> t.tender.payments().create(command));
            assertThat(inConnector.await(5, TimeUnit.SECONDS)).isTrue();

            // when
            Either<ApplicationError, Payment> whileRunning = t.tender.payments().create(command);
            release.countDown();
            Either<ApplicationError, Payment> firstResult = first.get(5, TimeUnit.SECONDS);
            Either<ApplicationError, Payment> afterwards = t.tender.payments().create(command);

            // then
            assertThat(left(whileRunning)).isInstanceOf(ApplicationError.Conflict.class);
            assertThat(right(firstResult).status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(afterwards).isEqualTo(firstResult);
            assertThat(connector.count(Op.AUTHORIZE)).isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aKeyIsPerMerchant() {
        // given
        t.inMemory.accounts.add(new ConnectorAccount("acc_other", TestTender.OTHER_MERCHANT, "sim", "other", 1,
                true, Credentials.of(HashMap.empty()), HashMap.empty()));
        var mine = createAndConfirm(usd(2_000), CaptureMethod.AUTOMATIC, Option.some("shared-key"));
        var theirs = new CreatePaymentUseCase.Command(TestTender.OTHER_MERCHANT,
                Option.none(), usd(9_000), CaptureMethod.AUTOMATIC, mine.paymentMethod(), Option.none(),
                Option.none(), mine.metadata(), true, Option.none(), Option.some("shared-key"), Option.none());
        right(t.tender.payments().create(mine));

        // when
        Payment other = right(t.tender.payments().create(theirs));

        // then
        assertThat(other.merchantId()).isEqualTo(TestTender.OTHER_MERCHANT);
        assertThat(other.amount()).isEqualTo(usd(9_000));
        assertThat(connector.count(Op.AUTHORIZE)).isEqualTo(2);
    }
}
