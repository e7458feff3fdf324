package dev.tender.connector.simulator;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.connector.simulator.SimulatorFixtures.TEN;
import static dev.tender.connector.simulator.SimulatorFixtures.authorize;
import static dev.tender.connector.simulator.SimulatorFixtures.capture;
import static dev.tender.connector.simulator.SimulatorFixtures.card;
import static dev.tender.connector.simulator.SimulatorFixtures.context;
import static dev.tender.connector.simulator.SimulatorFixtures.manual;
import static dev.tender.connector.simulator.SimulatorFixtures.purchase;
import static dev.tender.connector.simulator.SimulatorFixtures.refund;
import static dev.tender.connector.simulator.SimulatorFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** The simulated processor is strict: an orchestrator's mistake shows as a decline, never as money moved. */
class ProcessorRulesTest {

    private final SimulatorConnector simulator = new SimulatorConnector();

    @Nested
    class Captures {

        @Test
        void aManualAuthorizationTakesOneCaptureAndReleasesTheRest() {
            // given
            String payment = authorized(CaptureMethod.MANUAL);
            approved(simulator.capture(capture("tx_c1", payment, usd(4_00), false)));

            // when
            Outcome second = simulator.capture(capture("tx_c2", payment, usd(1_00), false));

            // then
            assertDeclined(second, DeclineCodes.INVALID_REQUEST);
            assertThat(simulator.ledger().balance(payment).get().captured()).isEqualTo(usd(4_00));
        }

        @Test
        void manualMultipleTakesCapturesUntilAFinalOne() {
            // given
            String payment = authorized(CaptureMethod.MANUAL_MULTIPLE);
            approved(simulator.capture(capture("tx_c1", payment, usd(2_00), false)));
            approved(simulator.capture(capture("tx_c2", payment, usd(3_00), true)));

            // when
            Outcome afterFinal = simulator.capture(capture("tx_c3", payment, usd(1_00), false));

            // then
            assertDeclined(afterFinal, DeclineCodes.INVALID_REQUEST);
            assertThat(simulator.ledger().balance(payment).get().captured()).isEqualTo(usd(5_00));
        }

        @Test
        void aPurchaseCannotBeCapturedAgainAndZeroOrForeignAmountsAreRefused() {
            // given
            String purchase = approved(simulator.authorize(purchase("tx_p", TestCards.VISA)));
            String manual = authorized(CaptureMethod.MANUAL);

            // when
            Outcome again = simulator.capture(capture("tx_c1", purchase, usd(1_00), true));
            Outcome zero = simulator.capture(capture("tx_c2", manual, usd(0), true));
            Outcome euros = simulator.capture(capture("tx_c3", manual, Money.of(1_00, Currency.EUR), true));

            // then
            assertDeclined(again, DeclineCodes.INVALID_REQUEST);
            assertDeclined(zero, DeclineCodes.INVALID_REQUEST);
            assertDeclined(euros, DeclineCodes.INVALID_REQUEST);
        }

        @Test
        void anUnknownPaymentIsNotFound() {
            // given
            String unknown = "sim_pay_000000000000000000000000";

            // when
            Outcome outcome = simulator.capture(capture("tx_c", unknown, TEN, true));

            // then
            assertDeclined(outcome, DeclineCodes.NOT_FOUND);
        }
    }

    @Nested
    class VoidsAndReverses {

        @Test
        void aVoidReleasesExactlyWhatIsNotCaptured() {
            // given
            String payment = authorized(CaptureMethod.MANUAL_MULTIPLE);
            approved(simulator.capture(capture("tx_c", payment, usd(3_00), false)));

            // when
            Outcome wrongAmount = simulator.voidAuthorization(new ConnectorRequest.Void(context("tx_v1"), payment, TEN));
            Outcome released = simulator.voidAuthorization(new ConnectorRequest.Void(context("tx_v2"), payment,
                    usd(7_00)));

            // then
            assertDeclined(wrongAmount, DeclineCodes.INVALID_REQUEST);
            approved(released);
            Balance balance = simulator.ledger().balance(payment).get();
            assertThat(balance.voided()).isEqualTo(usd(7_00));
            assertThat(balance.captured()).isEqualTo(usd(3_00));
            assertDeclined(simulator.capture(capture("tx_c2", payment, usd(1_00), false)), DeclineCodes.INVALID_REQUEST);
        }

        @Test
        void aReverseCancelsAllThatWasCapturedAndThenNothingCanBeRefunded() {
            // given
            String payment = approved(simulator.authorize(purchase("tx_p", TestCards.VISA)));

            // when
            Outcome partial = simulator.reverse(new ConnectorRequest.Reverse(context("tx_r1"), payment, usd(5_00)));
            Outcome reversed = simulator.reverse(new ConnectorRequest.Reverse(context("tx_r2"), payment, TEN));

            // then
            assertDeclined(partial, DeclineCodes.INVALID_REQUEST);
            approved(reversed);
            assertThat(simulator.ledger().balance(payment).get().reversed()).isEqualTo(TEN);
            assertDeclined(simulator.refund(refund("tx_ref", payment, usd(1_00))), DeclineCodes.INVALID_REQUEST);
        }

        @Test
        void aPaymentWithRefundsCannotBeReversed() {
            // given
            String payment = approved(simulator.authorize(purchase("tx_p", TestCards.VISA)));
            approved(simulator.refund(refund("tx_ref", payment, usd(1_00))));

            // when
            Outcome reversed = simulator.reverse(new ConnectorRequest.Reverse(context("tx_r"), payment, TEN));

            // then
            assertDeclined(reversed, DeclineCodes.INVALID_REQUEST);
        }
    }

    @Nested
    class Refunds {

        @Test
        void refundsAddUpToWhatWasCapturedAndNoMore() {
            // given
            String payment = approved(simulator.authorize(purchase("tx_p", TestCards.VISA)));
            approved(simulator.refund(refund("tx_r1", payment, usd(6_00))));
            approved(simulator.refund(refund("tx_r2", payment, usd(4_00))));

            // when
            Outcome oneCentMore = simulator.refund(refund("tx_r3", payment, usd(1)));

            // then
            assertDeclined(oneCentMore, DeclineCodes.INVALID_REQUEST);
            assertThat(simulator.ledger().balance(payment).get().refunded()).isEqualTo(TEN);
        }

        @Test
        void anAuthorizationNotCapturedHasNothingToRefund() {
            // given
            String payment = authorized(CaptureMethod.MANUAL);

            // when
            Outcome refund = simulator.refund(refund("tx_r", payment, usd(1_00)));

            // then
            assertDeclined(refund, DeclineCodes.INVALID_REQUEST);
        }
    }

    @Nested
    class Increments {

        @Test
        void anIncrementRaisesTheAuthorizationBeforeAnyCapture() {
            // given
            String payment = authorized(CaptureMethod.MANUAL);

            // when
            Outcome lower = simulator.incrementAuthorization(increment("tx_i1", payment, usd(9_00)));
            Outcome raised = simulator.incrementAuthorization(increment("tx_i2", payment, usd(15_00)));

            // then
            assertDeclined(lower, DeclineCodes.INVALID_REQUEST);
            approved(raised);
            assertThat(simulator.ledger().balance(payment).get().authorized()).isEqualTo(usd(15_00));
            approved(simulator.capture(capture("tx_c", payment, usd(15_00), true)));
        }

        @Test
        void noIncrementOnceSomethingIsCapturedOrInAnotherCurrency() {
            // given
            String captured = authorized(CaptureMethod.MANUAL_MULTIPLE);
            approved(simulator.capture(capture("tx_c", captured, usd(1_00), false)));
            String fresh = authorized(CaptureMethod.MANUAL);

            // when
            Outcome afterCapture = simulator.incrementAuthorization(increment("tx_i1", captured, usd(20_00)));
            Outcome euros = simulator.incrementAuthorization(increment("tx_i2", fresh, Money.of(20_00, Currency.EUR)));

            // then
            assertDeclined(afterCapture, DeclineCodes.INVALID_REQUEST);
            assertDeclined(euros, DeclineCodes.INVALID_REQUEST);
        }
    }

    @Nested
    class OrdersAndMandates {

        @Test
        void anAuthorizationNamingAnOrderTheSimulatorNeverMadeIsNotFound() {
            // given
            String order = approved(simulator.createOrder(new ConnectorRequest.CreateOrder(context("tx_o"), TEN)));

            // when
            Outcome known = simulator.authorize(withOrder("tx_a1", Option.some(order)));
            Outcome unknown = simulator.authorize(withOrder("tx_a2", Option.some("sim_ord_nope")));

            // then
            assertThat(order).startsWith("sim_ord_");
            approved(known);
            assertDeclined(unknown, DeclineCodes.NOT_FOUND);
        }

        @Test
        void aCardShortOfFundsPassesTheZeroAmountSetupButItsChargesAreDeclined() {
            // given
            String mandate = mandateOf(TestCards.INSUFFICIENT_FUNDS);

            // when
            Outcome charge = simulator.authorize(chargeOf("tx_mit", mandate));

            // then
            assertDeclined(charge, DeclineCodes.INSUFFICIENT_FUNDS);
        }

        @Test
        void aLostCardCannotBeSetUpAndAnUnknownMandateIsNotFound() {
            // given
            var setup = new ConnectorRequest.SetupMandate(context("tx_s"), card(TestCards.LOST_CARD), "cus_1",
                    Currency.USD);

            // when
            Outcome refused = simulator.setupMandate(setup);
            Outcome unknown = simulator.authorize(chargeOf("tx_mit", "sim_mandate_nope"));

            // then
            assertDeclined(refused, DeclineCodes.LOST_CARD);
            assertDeclined(unknown, DeclineCodes.NOT_FOUND);
        }

        @Test
        void aSetupIsAZeroAmountLineAndAChargeOfItsMandateMovesMoney() {
            // given
            var setup = new ConnectorRequest.SetupMandate(context("tx_s"), card(TestCards.VISA), "cus_1", Currency.USD);
            Outcome.Approved approvedSetup = (Outcome.Approved) simulator.setupMandate(setup);

            // when
            String charge = approved(simulator.authorize(chargeOf("tx_mit", approvedSetup.mandateReference().get())));

            // then
            String setupId = approvedSetup.reference().get();
            assertThat(simulator.ledger().entries(setupId).single().amount().isZero()).isTrue();
            assertThat(simulator.ledger().balance(charge).get().captured()).isEqualTo(TEN);
        }
    }

    private String authorized(CaptureMethod captureMethod) {
        return approved(simulator.authorize(authorize(context("tx_auth_" + captureMethod), TEN, captureMethod,
                card(TestCards.VISA))));
    }

    private String mandateOf(String number) {
        var setup = new ConnectorRequest.SetupMandate(context("tx_setup"), card(number), "cus_1", Currency.USD);
        return ((Outcome.Approved) simulator.setupMandate(setup)).mandateReference().get();
    }

    private static ConnectorRequest.Authorize chargeOf(String transactionId, String mandate) {
        return authorize(context(transactionId), TEN, CaptureMethod.AUTOMATIC,
                new PaymentMethodData.StoredMandate(MandateId.of("man_1"), mandate));
    }

    private static ConnectorRequest.Authorize withOrder(String transactionId, Option<String> order) {
        return new ConnectorRequest.Authorize(context(transactionId), TEN, CaptureMethod.AUTOMATIC,
                card(TestCards.VISA), Option.none(), order, false, Option.none(), io.vavr.collection.HashMap.empty());
    }

    private static ConnectorRequest.IncrementAuthorization increment(String transactionId, String payment,
                                                                      Money newTotal) {
        return new ConnectorRequest.IncrementAuthorization(context(transactionId), payment, newTotal);
    }

    private static String approved(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Approved.class);
        return ((Outcome.Approved) outcome).reference().get();
    }

    private static void assertDeclined(Outcome outcome, String code) {
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class, d -> assertThat(d.code()).isEqualTo(code));
    }
}
