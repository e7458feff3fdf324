package dev.tender.flows;

import dev.tender.connector.simulator.Balance;
import dev.tender.connector.simulator.LedgerEntry;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.simulator.TestCards;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.domain.payment.RejectionCode;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.RefundRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tender.flows.SimulatedTender.MERCHANT;
import static dev.tender.flows.SimulatedTender.ledgerOf;
import static dev.tender.flows.SimulatedTender.purchase;
import static dev.tender.flows.SimulatedTender.refund;
import static dev.tender.flows.SimulatedTender.rejectionCode;
import static dev.tender.flows.SimulatedTender.right;
import static dev.tender.flows.SimulatedTender.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Digital goods (seed 000): capture at once for instant access; refund part of it, twice, when some
 * items turn out not to work.
 */
class DigitalGoodsFlowTest {

    static final long BUNDLE = 49_99;
    static final long FIRST_REFUND = 10_00;
    static final long SECOND_REFUND = 15_00;

    final SimulatorConnector simulator = new SimulatorConnector();
    final SimulatedTender t = SimulatedTender.with(simulator);

    Payment bought() {
        return right(t.tender.payments().create(purchase(BUNDLE, "automatic", TestCards.DISCOVER, "buy-e-book-9")));
    }

    @Test
    void anAutomaticCapturePurchaseIsPaidAtOnce() {
        // when
        Payment paid = bought();

        // then
        assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(paid.authorized()).isEqualTo(usd(BUNDLE));
        assertThat(paid.captured()).isEqualTo(usd(BUNDLE));
        assertThat(paid.capturable()).isEqualTo(usd(0));
        Balance ledger = ledgerOf(simulator, paid);
        assertThat(ledger.authorized()).isEqualTo(usd(BUNDLE));
        assertThat(ledger.captured()).isEqualTo(paid.captured());
        assertThat(ledger.refunded()).isEqualTo(usd(0));
    }

    @Test
    void twoPartialRefundsAreReturnedByTheProcessorAndListedNewestFirst() {
        // given
        Payment paid = bought();

        // when
        RefundRecord first = right(t.tender.refunds().refund(refund(paid.id(), FIRST_REFUND, "track 3 broken",
                "refund-9-1")));
        t.clock.advance(Duration.ofHours(2));
        RefundRecord second = right(t.tender.refunds().refund(refund(paid.id(), SECOND_REFUND, "chapter missing",
                "refund-9-2")));

        // then
        assertThat(first.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(first.amount()).isEqualTo(usd(FIRST_REFUND));
        assertThat(first.reason()).contains("track 3 broken");
        assertThat(second.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(second.amount()).isEqualTo(usd(SECOND_REFUND));
        assertThat(first.connectorRefundId()).isNotEmpty().isNotEqualTo(second.connectorRefundId());
        Payment after = t.stored(paid.id());
        assertThat(after.status()).as("a refund leaves the payment succeeded").isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(after.refunded()).isEqualTo(usd(FIRST_REFUND + SECOND_REFUND));
        assertThat(after.refundable()).isEqualTo(usd(BUNDLE - FIRST_REFUND - SECOND_REFUND));
        Balance ledger = ledgerOf(simulator, after);
        assertThat(ledger.refunded()).isEqualTo(after.refunded());
        assertThat(ledger.captured()).isEqualTo(usd(BUNDLE));
        assertThat(simulator.ledger().entries(paid.connectorTransactionId().get())
                .filter(e -> e.kind() == TransactionKind.REFUND))
                .extracting(LedgerEntry::reference, LedgerEntry::amount)
                .containsExactly(
                        tuple(first.connectorRefundId().get(), usd(FIRST_REFUND)),
                        tuple(second.connectorRefundId().get(), usd(SECOND_REFUND)));

        Page<RefundRecord> listed = t.tender.refunds().list(MERCHANT, ListQuery.first(10));
        assertThat(listed.items()).containsExactly(second, first);
        assertThat(listed.hasMore()).isFalse();
        assertThat(right(t.tender.refunds().get(MERCHANT, first.refundId()))).isEqualTo(first);
        assertThat(right(t.tender.refunds().get(MERCHANT, second.refundId()))).isEqualTo(second);
    }

    @Test
    void aRefundAboveWhatIsLeftIsRejectedAndTheProcessorIsNotAsked() {
        // given
        Payment paid = bought();
        right(t.tender.refunds().refund(refund(paid.id(), FIRST_REFUND, "track 3 broken", "refund-9-1")));

        // when
        var tooMuch = t.tender.refunds().refund(refund(paid.id(), BUNDLE - FIRST_REFUND + 1, "everything",
                "refund-9-2"));

        // then
        assertThat(rejectionCode(tooMuch)).isEqualTo(RejectionCode.REFUND_AMOUNT_EXCEEDS_PAYMENT_AMOUNT);
        assertThat(ledgerOf(simulator, paid).refunded()).isEqualTo(usd(FIRST_REFUND));
        assertThat(t.tender.refunds().list(MERCHANT, ListQuery.first(10)).items()).hasSize(1);
    }
}
