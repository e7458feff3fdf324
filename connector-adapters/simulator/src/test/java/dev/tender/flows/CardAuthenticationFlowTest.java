package dev.tender.flows;

import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.simulator.TestCards;
import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CardRules;
import dev.tender.ports.in.CompleteAuthorizationUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.tender.flows.SimulatedTender.MERCHANT;
import static dev.tender.flows.SimulatedTender.MERCHANT_ID;
import static dev.tender.flows.SimulatedTender.card;
import static dev.tender.flows.SimulatedTender.ledgerOf;
import static dev.tender.flows.SimulatedTender.left;
import static dev.tender.flows.SimulatedTender.purchase;
import static dev.tender.flows.SimulatedTender.right;
import static dev.tender.flows.SimulatedTender.usd;
import static dev.tender.flows.SimulatedTender.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** What the customer's card decides at checkout: a 3DS challenge to pass, or a decline. */
class CardAuthenticationFlowTest {

    static final long AMOUNT = 64_00;
    static final String ACS = "https://acs.simulator.invalid/challenge/";

    final SimulatorConnector simulator = new SimulatorConnector();
    final SimulatedTender t = SimulatedTender.with(simulator);

    @Nested
    class ThreeDsChallenge {

        Payment challenged() {
            return right(t.tender.payments().create(valid(CreatePaymentUseCase.Command.of(MERCHANT_ID, null, AMOUNT,
                    "USD", "manual", card(TestCards.THREE_DS_CHALLENGE), null, null, null, true,
                    "https://shop.example/checkout/3ds-done", "checkout-3ds"))));
        }

        Payment returned(Payment challenged, String result) {
            return right(t.tender.payments().complete(new CompleteAuthorizationUseCase.Command(MERCHANT,
                    challenged.id(), HashMap.of("result", result), Option.some("return-" + result))));
        }

        @Test
        void theCustomerIsSentToTheIssuerAndNothingIsHeldYet() {
            // when
            Payment challenged = challenged();

            // then
            assertThat(challenged.status()).isEqualTo(PaymentStatus.REQUIRES_CUSTOMER_ACTION);
            assertThat(challenged.nextAction()).singleElement().satisfies(redirect -> {
                assertThat(redirect.url()).startsWith(ACS);
                assertThat(redirect.method()).isEqualTo("GET");
                assertThat(redirect.parameters().get("return_url")).contains("https://shop.example/checkout/3ds-done");
            });
            assertThat(challenged.authorized()).isEqualTo(usd(0));
            assertThat(simulator.ledger().entries()).as("nothing is held before the challenge").isEmpty();
        }

        @Test
        void aPassedChallengeAuthorizesTheAmount() {
            // given
            Payment challenged = challenged();
            String processorId = challenged.nextAction().get().parameters().get("payment").get();

            // when
            Payment authorized = returned(challenged, "success");

            // then
            assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
            assertThat(authorized.authorized()).isEqualTo(usd(AMOUNT));
            assertThat(authorized.capturable()).isEqualTo(usd(AMOUNT));
            assertThat(authorized.nextAction()).isEmpty();
            assertThat(authorized.connectorTransactionId()).contains(processorId);
            assertThat(ledgerOf(simulator, authorized).authorized()).isEqualTo(usd(AMOUNT));
            assertThat(ledgerOf(simulator, authorized).captured()).isEqualTo(usd(0));
        }

        @Test
        void aFailedChallengeFailsThePaymentAndHoldsNothing() {
            // given
            Payment challenged = challenged();

            // when
            Payment failed = returned(challenged, "failure");

            // then
            assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(failed.failure().map(Failure::code)).contains(DeclineCodes.AUTHENTICATION_FAILED);
            assertThat(failed.authorized()).isEqualTo(usd(0));
            assertThat(simulator.ledger().entries()).isEmpty();
        }
    }

    @Nested
    class Declined {

        static Stream<Arguments> declinedCards() {
            return Stream.of(
                    Arguments.of(TestCards.DECLINED, DeclineCodes.CARD_DECLINED),
                    Arguments.of(TestCards.INSUFFICIENT_FUNDS, DeclineCodes.INSUFFICIENT_FUNDS),
                    Arguments.of(TestCards.LOST_CARD, DeclineCodes.LOST_CARD),
                    Arguments.of(TestCards.STOLEN_CARD, DeclineCodes.STOLEN_CARD),
                    Arguments.of(TestCards.EXPIRED_CARD, DeclineCodes.EXPIRED_CARD),
                    Arguments.of(TestCards.INCORRECT_CVC, DeclineCodes.INCORRECT_CVC),
                    Arguments.of(TestCards.FRAUD_SUSPECTED, DeclineCodes.FRAUD_SUSPECTED));
        }

        @ParameterizedTest(name = "{0} fails with {1}")
        @MethodSource("declinedCards")
        void aDeclinedCardFailsThePaymentWithTheUnifiedCodeAndMovesNothing(String number, String code) {
            // when
            Payment failed = right(t.tender.payments().create(purchase(AMOUNT, "automatic", number, "buy-" + number)));

            // then
            assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(failed.failure()).singleElement().satisfies(failure -> {
                assertThat(failure.code()).isEqualTo(code);
                assertThat(failure.message()).isNotBlank();
            });
            assertThat(failed.authorized()).isEqualTo(usd(0));
            assertThat(failed.captured()).isEqualTo(usd(0));
            assertThat(simulator.ledger().entries()).as("a decline moves nothing").isEmpty();
        }
    }

    /** The simulator would decline these too; Tender refuses them first, so the processor never sees them. */
    @Nested
    class RefusedBeforeTheProcessor {

        final RecordingConnector wire = new RecordingConnector(simulator);
        final SimulatedTender checked = new SimulatedTender(wire).withAccount(SimulatedTender.ACCOUNT,
                simulator.name(), 0);

        @Test
        void aNumberFailingTheLuhnCheckIsInvalidAndNeverSent() {
            // when
            ApplicationError error = left(checked.tender.payments().create(purchase(AMOUNT, "automatic",
                    TestCards.INVALID_NUMBER, "buy-invalid")));

            // then
            assertThat(error).isInstanceOfSatisfying(ApplicationError.Invalid.class, invalid -> assertThat(
                    invalid.errors()).singleElement().satisfies(e -> assertThat(e.field())
                    .isEqualTo(CardRules.NUMBER)));
            assertThat(wire.sent(ConnectorRequest.class)).isEmpty();
        }

        @Test
        void anExpiredCardIsInvalidAndNeverSent() {
            // given a card good through January 2025, on a clock at 1 March 2025
            PaymentMethodData.Card expired = new PaymentMethodData.Card(TestCards.VISA, 1, 2025, "123",
                    Option.none());

            // when
            ApplicationError error = left(checked.tender.payments().create(valid(CreatePaymentUseCase.Command.of(
                    MERCHANT_ID, null, AMOUNT, "USD", "automatic", expired, null, null, null, true, null, null))));

            // then
            assertThat(error).isInstanceOfSatisfying(ApplicationError.Invalid.class, invalid -> assertThat(
                    invalid.errors()).singleElement().satisfies(e -> assertThat(e.field())
                    .isEqualTo(CardRules.EXP_YEAR)));
            assertThat(wire.sent(ConnectorRequest.class)).isEmpty();
        }
    }
}
