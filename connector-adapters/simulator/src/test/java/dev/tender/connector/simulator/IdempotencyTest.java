package dev.tender.connector.simulator;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tender.connector.simulator.SimulatorFixtures.TEN;
import static dev.tender.connector.simulator.SimulatorFixtures.account;
import static dev.tender.connector.simulator.SimulatorFixtures.authorize;
import static dev.tender.connector.simulator.SimulatorFixtures.capture;
import static dev.tender.connector.simulator.SimulatorFixtures.card;
import static dev.tender.connector.simulator.SimulatorFixtures.context;
import static dev.tender.connector.simulator.SimulatorFixtures.manual;
import static dev.tender.connector.simulator.SimulatorFixtures.purchase;
import static dev.tender.connector.simulator.SimulatorFixtures.refund;
import static dev.tender.connector.simulator.SimulatorFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** One idempotency key, one money movement: replays answer the first answer and act no more. */
class IdempotencyTest {

    private final SimulatorConnector simulator = new SimulatorConnector();

    @Test
    void everyReplayOfAChainOfOperationsAnswersTheSameAndMovesOnce() {
        // given
        var authorization = manual("tx_a", TestCards.VISA);
        String payment = reference(simulator.authorize(authorization));
        var capture = capture("tx_c", payment, usd(6_00), false);
        var refund = refund("tx_r", payment, usd(2_00));
        Outcome captured = simulator.capture(capture);
        Outcome refunded = simulator.refund(refund);

        // when
        List<Outcome> replays = List.of(simulator.authorize(authorization), simulator.capture(capture),
                simulator.refund(refund), simulator.capture(capture), simulator.refund(refund));

        // then
        assertThat(replays).containsExactly(Outcome.Approved.of(payment), captured, refunded, captured, refunded);
        Balance balance = simulator.ledger().balance(payment).get();
        assertThat(balance.authorized()).isEqualTo(TEN);
        assertThat(balance.captured()).isEqualTo(usd(6_00));
        assertThat(balance.refunded()).isEqualTo(usd(2_00));
        assertThat(balance.voided()).as("the manual capture released the rest, once").isEqualTo(usd(4_00));
        // authorize, capture, the release of the uncaptured 4.00, refund: each once despite the replays
        assertThat(simulator.ledger().entries()).hasSize(4);
    }

    @Test
    void aDeclineIsReplayedToo() {
        // given
        var request = purchase("tx_d", TestCards.INSUFFICIENT_FUNDS);
        Outcome first = simulator.authorize(request);

        // when
        Outcome again = simulator.authorize(request);

        // then
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefusedAndChangesNothing() {
        // given
        String payment = reference(simulator.authorize(manual("tx_a", TestCards.VISA)));
        Outcome first = simulator.capture(capture("tx_c", payment, usd(3_00), false));

        // when
        Outcome other = simulator.capture(capture("tx_c", payment, usd(5_00), false));

        // then
        assertThat(other).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.INVALID_REQUEST));
        assertThat(simulator.capture(capture("tx_c", payment, usd(3_00), false))).isEqualTo(first);
        assertThat(simulator.ledger().balance(payment).get().captured()).isEqualTo(usd(3_00));
    }

    @Test
    void keysArePerAccountAndIdsAreDerivedFromThem() {
        // given
        var atA = authorize(context(account("acc_a"), "tx_1"), TEN, CaptureMethod.AUTOMATIC, card(TestCards.VISA));
        var atB = authorize(context(account("acc_b"), "tx_1"), TEN, CaptureMethod.AUTOMATIC, card(TestCards.VISA));

        // when
        String a = reference(simulator.authorize(atA));
        String b = reference(simulator.authorize(atB));

        // then
        assertThat(a).isNotEqualTo(b);
        assertThat(reference(new SimulatorConnector().authorize(atA))).as("the same in another simulator").isEqualTo(a);
    }

    @Test
    void anotherAccountCannotTouchThePayment() {
        // given
        String payment = reference(simulator.authorize(manual("tx_a", TestCards.VISA)));

        // when
        Outcome stranger = simulator.capture(new ConnectorRequest.Capture(context(account("acc_other"), "tx_c"),
                payment, TEN, true));

        // then
        assertThat(stranger).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.NOT_FOUND));
    }

    @Test
    void concurrentRetriesOfOneCallMoveMoneyOnce() throws Exception {
        // given
        var request = purchase("tx_race", TestCards.VISA);
        List<Callable<Outcome>> retries = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            retries.add(() -> simulator.authorize(request));
        }

        // when
        List<Outcome> outcomes = runAll(retries);

        // then
        assertThat(outcomes).hasSize(32).containsOnly(outcomes.getFirst());
        assertThat(simulator.ledger().entries()).hasSize(2);
    }

    @Test
    void concurrentCapturesNeverCaptureMoreThanAuthorized() throws Exception {
        // given
        String payment = reference(simulator.authorize(authorize(context("tx_a"), TEN, CaptureMethod.MANUAL_MULTIPLE,
                card(TestCards.VISA))));
        List<Callable<Outcome>> captures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String tx = "tx_c" + i;
            captures.add(() -> simulator.capture(capture(tx, payment, usd(1_00), false)));
        }

        // when
        List<Outcome> outcomes = runAll(captures);

        // then
        assertThat(outcomes.stream().filter(Outcome.Approved.class::isInstance).count()).isEqualTo(10);
        assertThat(simulator.ledger().balance(payment).get().captured()).isEqualTo(TEN);
    }

    private static List<Outcome> runAll(List<Callable<Outcome>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : threads.invokeAll(calls)) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static String reference(Outcome outcome) {
        return ((Outcome.Approved) outcome).reference().get();
    }
}
