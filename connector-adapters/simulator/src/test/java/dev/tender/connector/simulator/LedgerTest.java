package dev.tender.connector.simulator;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.ConnectorRequest;
import org.junit.jupiter.api.Test;

import static dev.tender.connector.simulator.SimulatorFixtures.TEN;
import static dev.tender.connector.simulator.SimulatorFixtures.authorize;
import static dev.tender.connector.simulator.SimulatorFixtures.capture;
import static dev.tender.connector.simulator.SimulatorFixtures.card;
import static dev.tender.connector.simulator.SimulatorFixtures.context;
import static dev.tender.connector.simulator.SimulatorFixtures.refund;
import static dev.tender.connector.simulator.SimulatorFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger is what a test compares the orchestrator's view with: every movement, in order, per payment. */
class LedgerTest {

    private final SimulatorConnector simulator = new SimulatorConnector();

    @Test
    void aPaymentsLifeIsItsEntriesAndTheirBalance() {
        // given
        String payment = reference(simulator.authorize(authorize(context("tx_a"), TEN, CaptureMethod.MANUAL_MULTIPLE,
                card(TestCards.VISA))));
        String firstCapture = reference(simulator.capture(capture("tx_c1", payment, usd(2_00), false)));
        simulator.capture(capture("tx_c2", payment, usd(3_00), false));
        String refund = reference(simulator.refund(refund("tx_r", payment, usd(1_00))));
        simulator.voidAuthorization(new ConnectorRequest.Void(context("tx_v"), payment, usd(5_00)));

        // when
        Balance balance = simulator.ledger().balance(payment).get();

        // then
        assertThat(balance).isEqualTo(new Balance(payment, TEN, usd(5_00), usd(1_00), usd(5_00), usd(0)));
        assertThat(simulator.ledger().entries(payment).map(LedgerEntry::kind).toJavaList()).containsExactly(
                TransactionKind.AUTHORIZE, TransactionKind.CAPTURE, TransactionKind.CAPTURE, TransactionKind.REFUND,
                TransactionKind.VOID);
        assertThat(simulator.ledger().entries(payment).map(LedgerEntry::sequence).toJavaList())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(simulator.ledger().entries(payment).get(1).reference()).isEqualTo(firstCapture);
        assertThat(simulator.ledger().entries(payment).get(3).reference()).isEqualTo(refund);
        assertThat(simulator.ledger().entries(payment).map(LedgerEntry::status).distinct().toJavaList())
                .containsExactly(LedgerEntry.Status.SUCCEEDED);
    }

    @Test
    void aPaymentTheSimulatorNeverMovedMoneyForHasNoBalance() {
        // given
        simulator.authorize(authorize(context("tx_a"), TEN, CaptureMethod.AUTOMATIC, card(TestCards.DECLINED)));

        // when
        var balance = simulator.ledger().balance("sim_pay_unknown");

        // then
        assertThat(balance.isEmpty()).isTrue();
        assertThat(simulator.ledger().entries().isEmpty()).isTrue();
    }

    @Test
    void paymentsAreKeptApart() {
        // given
        String one = reference(simulator.authorize(authorize(context("tx_1"), TEN, CaptureMethod.AUTOMATIC,
                card(TestCards.VISA))));
        String two = reference(simulator.authorize(authorize(context("tx_2"), usd(3_00), CaptureMethod.MANUAL,
                card(TestCards.AMEX))));

        // when
        Balance first = simulator.ledger().balance(one).get();
        Balance second = simulator.ledger().balance(two).get();

        // then
        assertThat(first.captured()).isEqualTo(TEN);
        assertThat(second.authorized()).isEqualTo(usd(3_00));
        assertThat(second.captured().isZero()).isTrue();
        assertThat(simulator.ledger().entries()).hasSize(3);
    }

    private static String reference(Outcome outcome) {
        return ((Outcome.Approved) outcome).reference().get();
    }
}
