package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** A connector account that keeps failing is not called for a while; the next account takes its payments. */
class CircuitBreakerTest {

    static final ServiceSettings TWO_FAILURES_OPEN_IT = TestTender.fastSettings().withCircuit(2, Duration.ofMinutes(1));

    /** One attempt per call, so each payment is exactly one failure of the account. */
    static final ServiceSettings ONE_ATTEMPT_TWO_FAILURES_OPEN_IT = new ServiceSettings(1, Duration.ofMillis(1),
            ServiceSettings.defaults().reconcileSchedule(), ServiceSettings.defaults().settlementDelay(), 2,
            Duration.ofMinutes(1), ServiceSettings.defaults().notFoundGrace(), ServiceSettings.defaults().callBudget());

    final ScriptedConnector flaky = ScriptedConnector.withAllCapabilities("flaky");
    final ScriptedConnector steady = ScriptedConnector.withAllCapabilities("steady");

    TestTender tender(ServiceSettings settings) {
        return new TestTender(settings, flaky, steady)
                .withAccount("acc_flaky", "flaky", 1)
                .withAccount("acc_steady", "steady", 2);
    }

    @Nested
    class OpenedByTechnicalErrors {

        @Test
        void afterTwoTechnicalErrorsTheAccountIsNotCalledAndTheNextOneIs() {
            // given
            TestTender t = tender(TWO_FAILURES_OPEN_IT);
            flaky.always(Op.AUTHORIZE, new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR, "gateway unreachable"));
            t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);
            t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);
            assertThat(flaky.count(Op.AUTHORIZE)).isEqualTo(2);

            // when
            Payment third = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(flaky.count(Op.AUTHORIZE)).as("no call through an open circuit").isEqualTo(2);
            assertThat(third.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(third.connector()).contains("acc_steady");
            assertThat(steady.count(Op.AUTHORIZE)).isEqualTo(3);
        }

        @Test
        void oneCallWhoseEveryAttemptIsUnknownCountsOnceNotOncePerAttempt() {
            // given: the processor replays one saved 500 to each of the call's three attempts
            TestTender t = tender(TWO_FAILURES_OPEN_IT);
            flaky.always(Op.AUTHORIZE, new Outcome.Unknown("HTTP 500 replayed for the idempotency key"));
            Payment lost = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);
            assertThat(flaky.count(Op.AUTHORIZE)).isEqualTo(TWO_FAILURES_OPEN_IT.attemptsPerConnector());
            assertThat(lost.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);

            // when
            flaky.always(Op.AUTHORIZE, Outcome.Approved.of("psp_2"));
            Payment next = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then: one failure of two: the circuit is still closed and the account still takes payments
            assertThat(next.connector()).contains("acc_flaky");
            assertThat(next.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        }

        @Test
        void withoutAnotherAccountAnOpenCircuitFailsThePaymentWithoutACall() {
            // given
            TestTender t = new TestTender(TWO_FAILURES_OPEN_IT, flaky).withAccount("acc_flaky", "flaky", 1);
            flaky.always(Op.AUTHORIZE, new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR, "gateway unreachable"));
            t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);
            t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // when
            Payment third = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(flaky.count(Op.AUTHORIZE)).isEqualTo(2);
            assertThat(third.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(third.failure().map(f -> f.code())).contains(DeclineCodes.TECHNICAL_ERROR);
            assertThat(third.failure().map(f -> f.message()).get()).contains("circuit open");
        }

        @Test
        void cardDeclinesDoNotOpenTheCircuit() {
            // given
            TestTender t = tender(TWO_FAILURES_OPEN_IT);
            flaky.always(Op.AUTHORIZE, new Outcome.Declined(DeclineCodes.CARD_DECLINED, "do not honor"));
            for (int i = 0; i < 4; i++) {
                t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);
            }

            // then
            assertThat(flaky.count(Op.AUTHORIZE)).isEqualTo(4);
            assertThat(steady.calls()).isEmpty();
        }
    }

    @Nested
    class OpenedByUnknownAnswers {

        @Test
        void afterTwoUnknownPaymentsTheNextAuthorizationGoesStraightToTheNextAccount() {
            // given
            TestTender t = tender(ONE_ATTEMPT_TWO_FAILURES_OPEN_IT);
            flaky.always(Op.AUTHORIZE, new Outcome.Unknown("read timed out"));
            Payment first = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);
            Payment second = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);
            assertThat(first.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(second.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
            assertThat(steady.calls()).as("an unknown answer never falls back").isEmpty();

            // when
            Payment third = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(flaky.count(Op.AUTHORIZE)).isEqualTo(2);
            assertThat(third.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(third.connector()).contains("acc_steady");
        }
    }

    /**
     * The breaker judges whole calls: it never opens between two retries of one call, whose earlier
     * attempts reached the processor with an unknown answer. (Were it to, reporting the call as the open
     * circuit's technical_error, "nothing was sent", would fail a payment that may be authorized, or send
     * it to a second account, which may authorize it twice.) A call unknown after every attempt stays
     * unknown, at the account that may hold it.
     */
    @Nested
    class RetriesOfOneCall {

        @Test
        void aCallWhoseEarlierAttemptsWereUnknownStaysUnknown() {
            // given
            TestTender t = new TestTender(TWO_FAILURES_OPEN_IT, flaky).withAccount("acc_flaky", "flaky", 1);
            flaky.always(Op.AUTHORIZE, new Outcome.Unknown("read timed out"));

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(flaky.count(Op.AUTHORIZE)).as("every attempt reached the processor").isEqualTo(3);
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
        }

        @Test
        void aCallWhoseEarlierAttemptsWereUnknownIsNotSentToAnotherAccount() {
            // given
            TestTender t = tender(TWO_FAILURES_OPEN_IT);
            flaky.always(Op.AUTHORIZE, new Outcome.Unknown("read timed out"));

            // when
            Payment payment = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(flaky.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE)).hasSize(3);
            assertThat(steady.calls()).as("the authorization may already be held at acc_flaky").isEmpty();
            assertThat(payment.connector()).contains("acc_flaky");
            assertThat(payment.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
        }

        @Test
        void withTheDefaultSettingsTwoTimedOutPaymentsStayAtTheAccountThatMayHoldThem() {
            // given: 5 failures open the circuit, 3 attempts per call
            TestTender t = tender(TestTender.fastSettings());
            flaky.always(Op.AUTHORIZE, new Outcome.Unknown("read timed out"));
            Payment first = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);
            assertThat(first.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);

            // when
            Payment second = t.createConfirmed(usd(1_000), CaptureMethod.AUTOMATIC);

            // then
            assertThat(flaky.count(Op.AUTHORIZE)).as("3 attempts each: two failed calls of the five that open it")
                    .isEqualTo(6);
            assertThat(steady.calls()).as("the second payment may already be held at acc_flaky").isEmpty();
            assertThat(second.status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
        }

        @Test
        void aCaptureWhoseEarlierAttemptsWereUnknownIsNotRecordedAsDeclined() {
            // given
            TestTender t = new TestTender(TWO_FAILURES_OPEN_IT, flaky).withAccount("acc_flaky", "flaky", 1);
            Payment authorized = t.createConfirmed(usd(1_000), CaptureMethod.MANUAL);
            flaky.always(Op.CAPTURE, new Outcome.Unknown("read timed out"));

            // when
            Payment after = TestTender.right(t.tender.payments().capture(TestTender.capture(authorized.id(),
                    usd(1_000))));

            // then
            assertThat(flaky.count(Op.CAPTURE)).isEqualTo(3);
            assertThat(after.status()).as("the capture may have happened: it must be reconciled, not retried")
                    .isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);
        }
    }
}
