package dev.tender.connector.simulator;

import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.api.Test;

import static dev.tender.connector.simulator.SimulatorFixtures.TEN;
import static dev.tender.connector.simulator.SimulatorFixtures.capture;
import static dev.tender.connector.simulator.SimulatorFixtures.manual;
import static dev.tender.connector.simulator.SimulatorFixtures.sync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A simulator with bounded memory forgets its oldest calls and payments first, and keeps working. */
class MemoryTest {

    private final SimulatorConnector simulator = SimulatorConnector.builder().memory(2).build();

    @Test
    void theOldestCallAndPaymentAreForgottenTheNewestStillServed() {
        // given three authorizations where two are remembered
        Outcome.Approved first = (Outcome.Approved) simulator.authorize(manual("tx_1", TestCards.VISA));
        simulator.authorize(manual("tx_2", TestCards.VISA));
        var third = manual("tx_3", TestCards.VISA);
        Outcome.Approved newest = (Outcome.Approved) simulator.authorize(third);

        // when
        Outcome syncOfFirst = simulator.sync(sync(manual("tx_1", TestCards.VISA).context(), TransactionKind.AUTHORIZE));
        Outcome captureOfFirst = simulator.capture(capture("tx_c1", first.reference().get(), TEN, true));
        Outcome syncOfNewest = simulator.sync(sync(third.context(), TransactionKind.AUTHORIZE));
        Outcome captureOfNewest = simulator.capture(capture("tx_c3", newest.reference().get(), TEN, true));

        // then
        assertThat(syncOfFirst).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.NOT_FOUND));
        assertThat(captureOfFirst).isInstanceOf(Outcome.Declined.class);
        assertThat(syncOfNewest).isInstanceOf(Outcome.Approved.class);
        assertThat(captureOfNewest).isInstanceOf(Outcome.Approved.class);
        assertThat(simulator.ledger().entries()).hasSize(2);
        assertThat(simulator.ledger().entries().last().kind()).isEqualTo(TransactionKind.CAPTURE);
    }

    @Test
    void byDefaultEverythingIsRemembered() {
        SimulatorConnector unbounded = new SimulatorConnector();
        for (int i = 0; i < 50; i++) {
            unbounded.authorize(manual("tx_" + i, TestCards.VISA));
        }
        assertThat(unbounded.sync(sync(manual("tx_0", TestCards.VISA).context(), TransactionKind.AUTHORIZE)))
                .isInstanceOf(Outcome.Approved.class);
        assertThat(unbounded.ledger().entries()).hasSize(50);
        assertThatThrownBy(() -> SimulatorConnector.builder().memory(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
