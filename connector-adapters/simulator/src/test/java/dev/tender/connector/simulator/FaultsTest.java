package dev.tender.connector.simulator;

import dev.tender.domain.payment.Capability;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.connector.simulator.SimulatorFixtures.TEN;
import static dev.tender.connector.simulator.SimulatorFixtures.capture;
import static dev.tender.connector.simulator.SimulatorFixtures.manual;
import static dev.tender.connector.simulator.SimulatorFixtures.purchase;
import static dev.tender.connector.simulator.SimulatorFixtures.refund;
import static dev.tender.connector.simulator.SimulatorFixtures.sync;
import static dev.tender.connector.simulator.SimulatorFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each injected fault answers as documented and acts, or not, as documented. */
class FaultsTest {

    private final SimulatorConnector simulator = new SimulatorConnector();

    @Nested
    class TimeoutBeforeProcessing {

        @Test
        void answersUnknownActsNotAndARetryWithTheSameKeyProcessesIt() {
            // given
            simulator.faults().next(ConnectorRequest.Authorize.class, Fault.TIMEOUT_BEFORE_PROCESSING);
            var request = purchase("tx_tb", TestCards.VISA);

            // when
            Outcome first = simulator.authorize(request);

            // then
            assertThat(first).isInstanceOf(Outcome.Unknown.class);
            assertThat(simulator.ledger().entries().isEmpty()).isTrue();
            assertThat(simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE)))
                    .isInstanceOfSatisfying(Outcome.Declined.class, d -> assertThat(d.code()).isEqualTo("not_found"));
            assertThat(simulator.authorize(request)).isInstanceOf(Outcome.Approved.class);
        }
    }

    @Nested
    class TimeoutAfterProcessing {

        @Test
        void movesTheMoneyAnswersUnknownAndSyncAndRetryTellTheTruth() {
            // given
            String payment = approvedManual("tx_auth");
            simulator.faults().next(ConnectorRequest.Capture.class, Fault.TIMEOUT_AFTER_PROCESSING);
            var request = capture("tx_ta", payment, TEN, true);

            // when
            Outcome first = simulator.capture(request);

            // then
            assertThat(first).isInstanceOf(Outcome.Unknown.class);
            assertThat(simulator.ledger().balance(payment).get().captured()).isEqualTo(TEN);
            Outcome synced = simulator.sync(sync(request.context(), TransactionKind.CAPTURE));
            assertThat(synced).isInstanceOf(Outcome.Approved.class);
            assertThat(simulator.capture(request)).isEqualTo(synced);
            assertThat(simulator.ledger().balance(payment).get().captured()).as("captured once").isEqualTo(TEN);
        }
    }

    @Nested
    class TechnicalError {

        @Test
        void declinesTechnicalErrorAndActsNot() {
            // given
            simulator.faults().next(ConnectorRequest.Authorize.class, Fault.TECHNICAL_ERROR);
            var request = purchase("tx_te", TestCards.VISA);

            // when
            Outcome outcome = simulator.authorize(request);

            // then
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR));
            assertThat(DeclineCodes.allowsFallback(((Outcome.Declined) outcome).code())).isTrue();
            assertThat(simulator.ledger().entries().isEmpty()).isTrue();
            assertThat(simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE)))
                    .isInstanceOf(Outcome.Declined.class);
        }
    }

    @Nested
    class AsyncPending {

        @Test
        void answersPendingRecordsAPendingLineAndTheFirstSyncProcessesIt() {
            // given
            String payment = approvedManual("tx_auth");
            simulator.faults().next(ConnectorRequest.Capture.class, Fault.ASYNC_PENDING);
            var request = capture("tx_ap", payment, usd(4_00), true);

            // when
            Outcome first = simulator.capture(request);

            // then
            assertThat(first).isEqualTo(Outcome.Pending.of());
            assertThat(simulator.ledger().pending().map(LedgerEntry::kind).toJavaList())
                    .containsExactly(TransactionKind.CAPTURE);
            assertThat(simulator.ledger().balance(payment).get().captured().isZero()).isTrue();
            Outcome synced = simulator.sync(sync(request.context(), TransactionKind.CAPTURE));
            assertThat(synced).isInstanceOf(Outcome.Approved.class);
            assertThat(simulator.ledger().balance(payment).get().captured()).isEqualTo(usd(4_00));
            assertThat(simulator.ledger().pending().isEmpty()).isTrue();
            assertThat(simulator.sync(sync(request.context(), TransactionKind.CAPTURE))).isEqualTo(synced);
        }

        @Test
        void pendingWorkThatEndsDeclinedLeavesAFailedLineAndMovesNothing() {
            // given
            String payment = approvedManual("tx_auth");
            simulator.faults().next(ConnectorRequest.Capture.class, Fault.ASYNC_PENDING);
            var tooMuch = capture("tx_ap_ko", payment, usd(50_00), true);
            simulator.capture(tooMuch);

            // when
            Outcome synced = simulator.sync(sync(tooMuch.context(), TransactionKind.CAPTURE));

            // then
            assertThat(synced).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.INVALID_REQUEST));
            assertThat(simulator.ledger().entries(payment).map(LedgerEntry::status).toJavaList()).containsExactly(
                    LedgerEntry.Status.SUCCEEDED, LedgerEntry.Status.PENDING, LedgerEntry.Status.FAILED);
            assertThat(simulator.ledger().balance(payment).get().captured().isZero()).isTrue();
        }

        @Test
        void aPendingThreeDsCompletionIsResolvedByASyncOfTheAuthorization() {
            // given
            var authorize = manual("tx_3ds", TestCards.THREE_DS_CHALLENGE);
            String payment = ((Outcome.RequiresAction) simulator.authorize(authorize)).redirect().parameters()
                    .get("payment").get();
            simulator.faults().next(ConnectorRequest.CompleteAuthorize.class, Fault.ASYNC_PENDING);
            Outcome completing = simulator.completeAuthorize(new ConnectorRequest.CompleteAuthorize(
                    authorize.context(), payment, io.vavr.collection.HashMap.of("result", "success")));

            // when
            Outcome synced = simulator.sync(sync(authorize.context(), TransactionKind.AUTHORIZE));

            // then
            assertThat(completing).isEqualTo(Outcome.Pending.of());
            assertThat(synced).isEqualTo(Outcome.Approved.of(payment));
            assertThat(simulator.ledger().balance(payment).get().authorized()).isEqualTo(TEN);
        }
    }

    @Nested
    class OnSync {

        @Test
        void aSyncMeetingAFaultNeverAnswersADecline() {
            // given
            var request = purchase("tx_s", TestCards.VISA);
            simulator.authorize(request);
            simulator.faults().next(ConnectorRequest.Sync.class, Fault.TECHNICAL_ERROR)
                    .next(ConnectorRequest.Sync.class, Fault.TIMEOUT_BEFORE_PROCESSING);

            // when
            Outcome technical = simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE));
            Outcome timeout = simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE));

            // then
            assertThat(technical).isInstanceOf(Outcome.Unknown.class);
            assertThat(timeout).isInstanceOf(Outcome.Unknown.class);
            assertThat(simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE)))
                    .isInstanceOf(Outcome.Approved.class);
        }

        @Test
        void anAsyncFaultOnASyncLeavesTheWorkPendingAndATimeoutAfterStillResolvesIt() {
            // given
            var request = purchase("tx_sp", TestCards.ASYNC_PENDING);
            simulator.authorize(request);
            simulator.faults().next(ConnectorRequest.Sync.class, Fault.ASYNC_PENDING)
                    .next(ConnectorRequest.Sync.class, Fault.TIMEOUT_AFTER_PROCESSING);

            // when
            Outcome stillPending = simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE));
            int pendingAfterFirst = simulator.ledger().pending().size();
            Outcome lost = simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE));

            // then
            assertThat(stillPending).isEqualTo(Outcome.Pending.of());
            assertThat(pendingAfterFirst).isEqualTo(1);
            assertThat(lost).isInstanceOf(Outcome.Unknown.class);
            assertThat(simulator.ledger().pending().isEmpty()).isTrue();
        }
    }

    @Nested
    class Selection {

        @Test
        void aCountedFaultHitsOnlyTheNextCallsOfItsOperation() {
            // given
            String payment = approvedManual("tx_auth");
            simulator.faults().next(ConnectorRequest.Refund.class, 2, Fault.TECHNICAL_ERROR);

            // when
            Outcome capture = simulator.capture(capture("tx_c", payment, TEN, true));
            Outcome refund1 = simulator.refund(refund("tx_r1", payment, usd(1_00)));
            Outcome refund2 = simulator.refund(refund("tx_r2", payment, usd(1_00)));
            Outcome refund3 = simulator.refund(refund("tx_r3", payment, usd(1_00)));

            // then
            assertThat(capture).isInstanceOf(Outcome.Approved.class);
            assertThat(refund1).isInstanceOf(Outcome.Declined.class);
            assertThat(refund2).isInstanceOf(Outcome.Declined.class);
            assertThat(refund3).isInstanceOf(Outcome.Approved.class);
        }

        @Test
        void aPredicateFaultHitsEveryMatchingCallUntilCleared() {
            // given
            simulator.faults().when(r -> r instanceof ConnectorRequest.Authorize a && a.amount().minor() > 5_00,
                    Fault.TIMEOUT_BEFORE_PROCESSING);

            // when
            Outcome big1 = simulator.authorize(purchase("tx_b1", TestCards.VISA));
            Outcome big2 = simulator.authorize(purchase("tx_b2", TestCards.VISA));
            Outcome small = simulator.authorize(SimulatorFixtures.authorize(SimulatorFixtures.context("tx_s1"),
                    usd(5_00), dev.tender.domain.payment.CaptureMethod.AUTOMATIC, SimulatorFixtures.card(TestCards.VISA)));
            simulator.faults().clear();
            Outcome afterClear = simulator.authorize(purchase("tx_b3", TestCards.VISA));

            // then
            assertThat(big1).isInstanceOf(Outcome.Unknown.class);
            assertThat(big2).isInstanceOf(Outcome.Unknown.class);
            assertThat(small).isInstanceOf(Outcome.Approved.class);
            assertThat(afterClear).isInstanceOf(Outcome.Approved.class);
        }

        @Test
        void aCallStoppedByCapabilitiesDoesNotUseUpAFault() {
            // given
            var noReverse = SimulatorConnector.builder().capabilities(Capability.MANUAL_CAPTURE).build();
            noReverse.faults().next(ConnectorRequest.class, Fault.TECHNICAL_ERROR);

            // when
            Outcome reverse = noReverse.reverse(new ConnectorRequest.Reverse(SimulatorFixtures.context("tx_rv"),
                    "sim_pay_x", TEN));
            Outcome authorize = noReverse.authorize(purchase("tx_a", TestCards.VISA));

            // then
            assertThat(reverse).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.NOT_SUPPORTED));
            assertThat(authorize).isInstanceOfSatisfying(Outcome.Declined.class,
                    d -> assertThat(d.code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR));
        }

        @Test
        void aFaultPredicateThatThrowsIsAnsweredUnknownNeverThrown() {
            // given
            simulator.faults().when(r -> {
                throw new IllegalStateException("broken predicate");
            }, Fault.TECHNICAL_ERROR);

            // when
            Outcome outcome = simulator.authorize(purchase("tx_x", TestCards.VISA));

            // then
            assertThat(outcome).isEqualTo(new Outcome.Unknown("simulator failure (IllegalStateException)"));
        }

        @Test
        void aCountedFaultNeedsAtLeastOneCall() {
            // given
            Faults faults = simulator.faults();

            // when / then
            assertThatThrownBy(() -> faults.next(ConnectorRequest.Capture.class, 0, Fault.TECHNICAL_ERROR))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private String approvedManual(String transactionId) {
        return ((Outcome.Approved) simulator.authorize(manual(transactionId, TestCards.VISA))).reference().get();
    }
}
