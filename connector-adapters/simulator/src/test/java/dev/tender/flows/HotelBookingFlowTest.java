package dev.tender.flows;

import dev.tender.connector.simulator.Balance;
import dev.tender.connector.simulator.LedgerEntry;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.simulator.TestCards;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.in.IncrementAuthorizationUseCase;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tender.flows.SimulatedTender.MERCHANT;
import static dev.tender.flows.SimulatedTender.capture;
import static dev.tender.flows.SimulatedTender.ledgerOf;
import static dev.tender.flows.SimulatedTender.purchase;
import static dev.tender.flows.SimulatedTender.right;
import static dev.tender.flows.SimulatedTender.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Hotel booking (seed 000): pre-authorize the room at check-in, raise the hold for incidentals, capture
 * the adjusted bill at check-out.
 */
class HotelBookingFlowTest {

    static final long ROOM = 200_00;
    static final long WITH_INCIDENTALS = 250_00;
    static final long FINAL_BILL = 230_00;

    final SimulatorConnector simulator = new SimulatorConnector();
    final SimulatedTender t = SimulatedTender.with(simulator);

    Payment checkedIn() {
        Payment held = right(t.tender.payments().create(purchase(ROOM, "manual", TestCards.AMEX, "check-in-412")));
        assertThat(held.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        return held;
    }

    Payment holdRaised(Payment room) {
        return right(t.tender.payments().increment(new IncrementAuthorizationUseCase.Command(MERCHANT, room.id(),
                usd(WITH_INCIDENTALS), Option.some("incidentals-412"))));
    }

    @Test
    void incidentalsRaiseTheHoldAtTheProcessor() {
        // given
        Payment room = checkedIn();

        // when
        Payment raised = holdRaised(room);

        // then
        assertThat(raised.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        assertThat(raised.amount()).isEqualTo(usd(WITH_INCIDENTALS));
        assertThat(raised.authorized()).isEqualTo(usd(WITH_INCIDENTALS));
        assertThat(raised.capturable()).isEqualTo(usd(WITH_INCIDENTALS));
        assertThat(raised.captured()).isEqualTo(usd(0));
        Balance ledger = ledgerOf(simulator, raised);
        assertThat(ledger.authorized()).isEqualTo(raised.authorized());
        assertThat(simulator.ledger().entries(raised.connectorTransactionId().get()))
                .extracting(LedgerEntry::kind, LedgerEntry::amount)
                .containsExactly(tuple(TransactionKind.AUTHORIZE, usd(ROOM)),
                        tuple(TransactionKind.INCREMENT, usd(WITH_INCIDENTALS - ROOM)));
    }

    @Test
    void checkOutCapturesTheAdjustedLowerBillAndReleasesTheRest() {
        // given
        Payment raised = holdRaised(checkedIn());
        t.clock.advance(Duration.ofDays(3));

        // when
        Payment checkedOut = right(t.tender.payments().capture(capture(raised.id(), FINAL_BILL, false,
                "check-out-412")));

        // then
        assertThat(checkedOut.status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
        assertThat(checkedOut.authorized()).isEqualTo(usd(WITH_INCIDENTALS));
        assertThat(checkedOut.captured()).isEqualTo(usd(FINAL_BILL));
        assertThat(checkedOut.capturable()).as("a manual payment takes one capture").isEqualTo(usd(0));
        Balance ledger = ledgerOf(simulator, checkedOut);
        assertThat(ledger.authorized()).as("the incremented total").isEqualTo(usd(WITH_INCIDENTALS));
        assertThat(ledger.captured()).as("the adjusted bill").isEqualTo(checkedOut.captured());
    }
}
