package dev.tender.connector.simulator;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.tender.connector.simulator.SimulatorFixtures.TEN;
import static dev.tender.connector.simulator.SimulatorFixtures.authorize;
import static dev.tender.connector.simulator.SimulatorFixtures.card;
import static dev.tender.connector.simulator.SimulatorFixtures.context;
import static dev.tender.connector.simulator.SimulatorFixtures.purchase;
import static dev.tender.connector.simulator.SimulatorFixtures.sync;
import static org.assertj.core.api.Assertions.assertThat;

/** Each test card does what {@link TestCards} says, on a purchase. */
class TestCardsTest {

    private final SimulatorConnector simulator = new SimulatorConnector();

    @ParameterizedTest
    @ValueSource(strings = {TestCards.VISA, TestCards.VISA_CLASSIC, TestCards.MASTERCARD, TestCards.AMEX,
            TestCards.DISCOVER, "4000056655665556", "2223003122003222"})
    void approvingCardsAndOtherLuhnValidNumbersAreApprovedAndCaptured(String number) {
        // given
        var request = purchase("tx_" + number, number);

        // when
        Outcome outcome = simulator.authorize(request);

        // then
        assertThat(outcome).isInstanceOf(Outcome.Approved.class);
        String payment = ((Outcome.Approved) outcome).reference().get();
        assertThat(payment).startsWith("sim_pay_");
        Balance balance = simulator.ledger().balance(payment).get();
        assertThat(balance.authorized()).isEqualTo(TEN);
        assertThat(balance.captured()).isEqualTo(TEN);
    }

    @ParameterizedTest
    @CsvSource({
            TestCards.DECLINED + ", card_declined",
            TestCards.INSUFFICIENT_FUNDS + ", insufficient_funds",
            TestCards.LOST_CARD + ", lost_card",
            TestCards.STOLEN_CARD + ", stolen_card",
            TestCards.EXPIRED_CARD + ", expired_card",
            TestCards.INCORRECT_CVC + ", incorrect_cvc",
            TestCards.PROCESSING_ERROR + ", processing_error",
            TestCards.FRAUD_SUSPECTED + ", fraud_suspected",
            TestCards.SETUP_ONLY + ", card_declined",
            TestCards.INVALID_NUMBER + ", invalid_request"})
    void decliningCardsAreDeclinedWithTheirUnifiedCodeAndMoveNothing(String number, String code) {
        // given
        var request = purchase("tx_" + number, number);

        // when
        Outcome outcome = simulator.authorize(request);

        // then
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                declined -> assertThat(declined.code()).isEqualTo(code));
        assertThat(simulator.ledger().entries().isEmpty()).isTrue();
    }

    @Test
    void onlyTheProcessingErrorCardAllowsFallingBackToAnotherConnector() {
        // given
        var soft = simulator.authorize(purchase("tx_soft", TestCards.PROCESSING_ERROR));
        var hard = simulator.authorize(purchase("tx_hard", TestCards.INSUFFICIENT_FUNDS));

        // when
        boolean softFallsBack = DeclineCodes.allowsFallback(((Outcome.Declined) soft).code());
        boolean hardFallsBack = DeclineCodes.allowsFallback(((Outcome.Declined) hard).code());

        // then
        assertThat(softFallsBack).isTrue();
        assertThat(hardFallsBack).isFalse();
    }

    @Test
    void theAsyncCardIsPendingUntilASyncApprovesIt() {
        // given
        var request = authorize(context("tx_async"), TEN, CaptureMethod.MANUAL, card(TestCards.ASYNC_PENDING));
        Outcome first = simulator.authorize(request);
        LedgerEntry waiting = simulator.ledger().pending().single();

        // when
        Outcome synced = simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE));

        // then
        assertThat(first).isEqualTo(Outcome.Pending.of());
        assertThat(waiting.kind()).isEqualTo(TransactionKind.AUTHORIZE);
        assertThat(waiting.amount()).isEqualTo(TEN);
        assertThat(synced).isEqualTo(Outcome.Approved.of(waiting.connectorTransactionId()));
        assertThat(simulator.ledger().pending().isEmpty()).isTrue();
        assertThat(simulator.ledger().balance(waiting.connectorTransactionId()).get().authorized()).isEqualTo(TEN);
        assertThat(simulator.authorize(request)).as("a replay answers the first answer").isEqualTo(first);
    }

    @Test
    void theAnswerLostCardIsApprovedButAnswersUnknownAndARetryTells() {
        // given
        var request = purchase("tx_lost", TestCards.ANSWER_LOST);

        // when
        Outcome first = simulator.authorize(request);
        Outcome retried = simulator.authorize(request);

        // then
        assertThat(first).isInstanceOf(Outcome.Unknown.class);
        assertThat(retried).isInstanceOf(Outcome.Approved.class);
        String payment = ((Outcome.Approved) retried).reference().get();
        assertThat(simulator.sync(sync(request.context(), TransactionKind.AUTHORIZE))).isEqualTo(retried);
        assertThat(simulator.ledger().balance(payment).get().captured()).as("captured once").isEqualTo(TEN);
    }
}
