package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.Transaction;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.Credentials;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.START;
import static dev.tender.application.TestTender.capture;
import static dev.tender.application.TestTender.rejectionCode;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** Authorizations lapse as processors make them, on a test clock. */
class ExpiryServiceTest {

    static final Duration WEEK = Duration.ofDays(7);

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    Payment authorized(CaptureMethod method) {
        connector.answer(Op.AUTHORIZE, Outcome.Approved.of("psp_auth"));
        return t.createConfirmed(usd(10_000), method);
    }

    @Nested
    class PastItsWindow {

        @Test
        void givenAnAuthorizationPastItsWindow_whenTheJobRuns_thenVoidedAtTheProcessorAndExpired() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);
            t.clock.advance(WEEK);

            // when
            int ended = t.tender.expiry().runOnce(100);

            // then
            Payment expired = t.stored(authorized.id());
            assertThat(ended).isEqualTo(1);
            assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(expired.capturable()).isEqualTo(usd(0));
            assertThat(connector.count(Op.VOID)).isEqualTo(1);
            ConnectorRequest.Void voided = connector.<ConnectorRequest.Void>requests(Op.VOID).head();
            assertThat(voided.amount()).isEqualTo(usd(10_000));
            assertThat(voided.connectorTransactionId()).isEqualTo("psp_auth");
            assertThat(expired.transactions().last().reason()).contains(Transaction.EXPIRY_REASON);
        }

        @Test
        void givenExpired_whenCaptured_thenAuthorizationExpiredWithoutAConnectorCall() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);
            t.clock.advance(WEEK);
            t.tender.expiry().runOnce(100);

            // when
            var result = t.tender.payments().capture(capture(authorized.id(), usd(10_000)));

            // then
            assertThat(rejectionCode(result)).isEqualTo(RejectionCode.AUTHORIZATION_EXPIRED);
            assertThat(connector.count(Op.CAPTURE)).isZero();
        }

        @Test
        void givenTheWindowPassedButTheJobHasNotRun_whenCaptured_thenAuthorizationExpiredWithoutAConnectorCall() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);
            t.clock.advance(WEEK);

            // when
            var result = t.tender.payments().capture(capture(authorized.id(), usd(10_000)));

            // then
            assertThat(rejectionCode(result)).isEqualTo(RejectionCode.AUTHORIZATION_EXPIRED);
            assertThat(connector.count(Op.CAPTURE)).isZero();
            assertThat(t.stored(authorized.id()).transactions()).isEqualTo(authorized.transactions());
        }

        @Test
        void givenPartlyCaptured_whenTheJobRuns_thenTheRemainderIsVoidedAndTheCapturesKept() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL_MULTIPLE);
            right(t.tender.payments().capture(capture(authorized.id(), usd(3_000))));
            t.clock.advance(WEEK);

            // when
            t.tender.expiry().runOnce(100);

            // then
            Payment after = t.stored(authorized.id());
            assertThat(after.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
            assertThat(after.captured()).isEqualTo(usd(3_000));
            assertThat(connector.<ConnectorRequest.Void>requests(Op.VOID).head().amount()).isEqualTo(usd(7_000));
        }

        @Test
        void givenTheJobRunsAgain_thenNothingMoreIsSent() {
            // given
            authorized(CaptureMethod.MANUAL);
            t.clock.advance(WEEK);
            t.tender.expiry().runOnce(100);

            // when
            int again = t.tender.expiry().runOnce(100);

            // then
            assertThat(again).isZero();
            assertThat(connector.count(Op.VOID)).isEqualTo(1);
        }
    }

    @Nested
    class WithinItsWindow {

        @Test
        void givenOneSecondLeft_whenTheJobRuns_thenNothingIsSentAndItStaysCapturable() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);
            t.clock.advance(WEEK.minusSeconds(1));

            // when
            int ended = t.tender.expiry().runOnce(100);

            // then
            assertThat(ended).isZero();
            assertThat(connector.count(Op.VOID)).isZero();
            assertThat(t.stored(authorized.id()).status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        }

        @Test
        void givenTheAccountSetsItsOwnWindow_thenThePaymentLapsesAfterThatOne() {
            // given
            t.inMemory.accounts.add(new ConnectorAccount("acc_1", MERCHANT, "sim", "label acc_1", 1, true,
                    Credentials.of(HashMap.empty()), HashMap.of(AuthorizationWindows.SETTING, "PT1H")));
            Payment authorized = authorized(CaptureMethod.MANUAL);
            t.clock.advance(Duration.ofHours(1));

            // when
            t.tender.expiry().runOnce(100);

            // then
            assertThat(authorized.authorizationExpiresAt()).contains(START.plus(Duration.ofHours(1)));
            assertThat(t.stored(authorized.id()).status()).isEqualTo(PaymentStatus.EXPIRED);
        }
    }

    @Nested
    class WhenTheProcessorDoesNotVoid {

        @Test
        void givenTheVoidDeclined_thenSyncedAndExpiredHere() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);
            connector.answer(Op.VOID, new Outcome.Declined(DeclineCodes.NOT_SUPPORTED, "void not supported"));
            t.clock.advance(WEEK);

            // when
            int ended = t.tender.expiry().runOnce(100);

            // then
            assertThat(ended).isEqualTo(1);
            assertThat(t.stored(authorized.id()).status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(connector.count(Op.VOID)).isEqualTo(1);
        }

        @Test
        void givenTheVoidUnknown_thenLeftToTheReconcilerWhichEndsItExpired() {
            // given
            Payment authorized = authorized(CaptureMethod.MANUAL);
            connector.answer(Op.VOID, new Outcome.Unknown("timeout"), new Outcome.Unknown("timeout"),
                    new Outcome.Unknown("timeout"));
            connector.answer(Op.SYNC, new Outcome.Unknown("timeout"));
            t.clock.advance(WEEK);

            // when
            int ended = t.tender.expiry().runOnce(100);

            // then
            assertThat(ended).isZero();
            assertThat(t.stored(authorized.id()).status()).isEqualTo(PaymentStatus.REQUIRES_MERCHANT_ACTION);

            // and when: the reconciler learns that the void went through
            connector.answer(Op.SYNC, Outcome.Approved.of("psp_void"));
            t.clock.advance(ServiceSettings.defaults().firstReconcileDelay());
            t.tender.reconciler().runOnce(10);

            // then
            assertThat(t.stored(authorized.id()).status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(t.tender.expiry().runOnce(100)).isZero();
            assertThat(connector.count(Op.VOID)).isEqualTo(3);
        }
    }

    @Nested
    class TwoInstances {

        @Test
        void givenASecondInstanceThatFoundTheSamePayment_whenItActsWhileTheFirstsVoidIsInFlight_thenOneVoid() {
            // given: a second service over the same stores, which found the payment due before the first began
            Tender second = t.anotherInstance(connector);
            Payment authorized = authorized(CaptureMethod.MANUAL);
            t.clock.advance(WEEK);
            Payment foundBySecond = t.inMemory.payments.dueForExpiry(t.clock.now(), 100).single();
            AtomicReference<Option<Payment>> secondsResult = new AtomicReference<>();
            connector.onCall(request -> {
                if (request instanceof ConnectorRequest.Void && secondsResult.get() == null) {
                    secondsResult.set(second.expiry().expire(foundBySecond));
                }
            });

            // when
            int endedByFirst = t.tender.expiry().runOnce(100);

            // then
            assertThat(endedByFirst).isEqualTo(1);
            assertThat(secondsResult.get().isEmpty()).as("the second instance acted").isTrue();
            assertThat(connector.count(Op.VOID)).isEqualTo(1);
            assertThat(t.stored(authorized.id()).status()).isEqualTo(PaymentStatus.EXPIRED);
        }

        @Test
        void givenTheSecondInstanceRunsWhileTheFirstsVoidIsInFlight_thenItFindsNothingDue() {
            // given
            Tender second = t.anotherInstance(connector);
            authorized(CaptureMethod.MANUAL);
            t.clock.advance(WEEK);
            AtomicInteger endedBySecond = new AtomicInteger(-1);
            connector.onCall(request -> {
                if (request instanceof ConnectorRequest.Void && endedBySecond.get() < 0) {
                    endedBySecond.set(second.expiry().runOnce(100));
                }
            });

            // when
            t.tender.expiry().runOnce(100);

            // then
            assertThat(endedBySecond.get()).isZero();
            assertThat(connector.count(Op.VOID)).isEqualTo(1);
        }
    }

    @Nested
    class TheWindowSetting {

        @Test
        void readsIsoDurationsOfWholeSeconds() {
            assertThat(AuthorizationWindows.parse("P28D")).contains(Duration.ofDays(28));
            assertThat(AuthorizationWindows.parse("PT36H")).contains(Duration.ofHours(36));
        }

        @Test
        void refusesZeroNegativeFractionalAndMalformedWindows() {
            assertThat(AuthorizationWindows.parse("PT0S")).isEmpty();
            assertThat(AuthorizationWindows.parse("-P1D")).isEmpty();
            assertThat(AuthorizationWindows.parse("PT0.5S")).isEmpty();
            assertThat(AuthorizationWindows.parse("7 days")).isEmpty();
        }
    }
}
