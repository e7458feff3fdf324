package dev.tender.connector.simulator;

import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tender.connector.simulator.SimulatorFixtures.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyTest {

    @Test
    void everyCallTakesAtLeastTheConfiguredLatency() {
        // given
        var slow = SimulatorConnector.builder().latency(Duration.ofMillis(25)).build();

        // when
        long started = System.nanoTime();
        Outcome outcome = slow.authorize(purchase("tx_slow", TestCards.VISA));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(outcome).isInstanceOf(Outcome.Approved.class);
        assertThat(tookMillis).isGreaterThanOrEqualTo(25);
    }

    @Test
    void aCallInterruptedWhileWaitingIsATechnicalErrorAndActsNot() {
        // given
        var slow = SimulatorConnector.builder().latency(Duration.ofSeconds(5)).build();
        Thread.currentThread().interrupt();

        // when
        Outcome outcome = slow.authorize(purchase("tx_int", TestCards.VISA));

        // then
        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                d -> assertThat(d.code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR));
        assertThat(slow.ledger().entries().isEmpty()).isTrue();
    }

    @Test
    void aNegativeLatencyIsRefused() {
        // given
        var builder = SimulatorConnector.builder();

        // when / then
        assertThatThrownBy(() -> builder.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
