package dev.tender.application;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.UpdatePayment;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.ConfirmPaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.in.UpdatePaymentUseCase;
import dev.tender.ports.in.VoidPaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.left;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A card given at create (or update) without a confirm is held for the confirm that does not send it
 * again, as Hyperswitch does, and let go at that confirm whatever its outcome, at a cancel, or when its hold
 * ends: the services do it, so an embedder gets it over its own {@code HeldCards} adapter.
 */
class HeldCardTest {

    static final PaymentMethodData.Card OTHER_CARD = new PaymentMethodData.Card("5555555555554444", 10, 2031, "987",
            Option.some("Grace Hopper"));

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    Payment createdWithCard() {
        return right(t.tender.payments().create(new CreatePaymentUseCase.Command(MERCHANT, Option.none(),
                usd(2_500), CaptureMethod.AUTOMATIC, Option.some(TestTender.card()), Option.none(), Option.none(),
                LinkedHashMap.empty(), false, Option.none(), Option.none(), Option.none())));
    }

    static ConfirmPaymentUseCase.Command confirmWithoutCard(PaymentId id) {
        return new ConfirmPaymentUseCase.Command(MERCHANT, id, Option.none(), Option.none(), Option.none(),
                Option.none());
    }

    PaymentMethodData sentCard() {
        return connector.<ConnectorRequest.Authorize>requests(ScriptedConnector.Op.AUTHORIZE).single().method();
    }

    static void missingCard(ApplicationError error) {
        assertThat(error).isInstanceOfSatisfying(ApplicationError.Invalid.class, invalid ->
                assertThat(invalid.errors().map(FieldError::field)).containsExactly("payment_method_data"));
    }

    @Test
    void aConfirmWithoutACardSendsTheCardHeldSinceCreateAndLetsItGo() {
        // given
        Payment created = createdWithCard();
        assertThat(t.inMemory.heldCards.size()).isEqualTo(1);

        // when
        Payment confirmed = right(t.tender.payments().confirm(confirmWithoutCard(created.id())));

        // then
        assertThat(confirmed.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(sentCard()).isEqualTo(TestTender.card());
        assertThat(t.inMemory.heldCards.size()).isZero();
    }

    @Test
    void aDeclinedConfirmLetsTheCardGoToo() {
        // given
        connector.always(ScriptedConnector.Op.AUTHORIZE, new Outcome.Declined("card_declined", "Declined"));
        Payment created = createdWithCard();

        // when
        Payment declined = right(t.tender.payments().confirm(confirmWithoutCard(created.id())));

        // then
        assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(t.inMemory.heldCards.size()).isZero();
    }

    @Test
    void aCardSentWithTheConfirmIsTheOneChargedAndTheHeldOneGoes() {
        // given
        Payment created = createdWithCard();

        // when
        right(t.tender.payments().confirm(new ConfirmPaymentUseCase.Command(MERCHANT, created.id(),
                Option.some(OTHER_CARD), Option.none(), Option.none(), Option.none())));

        // then
        assertThat(sentCard()).isEqualTo(OTHER_CARD);
        assertThat(t.inMemory.heldCards.size()).isZero();
    }

    @Test
    void anUpdateWithANewCardReplacesTheHeldCard() {
        // given
        Payment created = createdWithCard();

        // when
        right(t.tender.payments().update(new UpdatePaymentUseCase.Command(MERCHANT, created.id(),
                new UpdatePayment(Option.none(), Option.none(), Option.none(), Option.none(), Option.none(),
                        t.clock.now()), Option.some(OTHER_CARD), Option.none())));
        right(t.tender.payments().confirm(confirmWithoutCard(created.id())));

        // then
        assertThat(sentCard()).isEqualTo(OTHER_CARD);
    }

    @Test
    void aCancelLetsTheHeldCardGo() {
        // given
        Payment created = createdWithCard();

        // when
        Payment cancelled = right(t.tender.payments().cancel(new VoidPaymentUseCase.Command(MERCHANT, created.id(),
                Option.none(), Option.none())));

        // then
        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(t.inMemory.heldCards.size()).isZero();
    }

    @Test
    void afterItsHoldTheCardIsGoneAndTheConfirmAsksForOne() {
        // given
        Payment created = createdWithCard();
        t.clock.advance(Tender.DEFAULT_CARD_HOLD_TTL.minus(Duration.ofSeconds(1)));
        Payment stillHeld = createdWithCard();
        t.clock.advance(Duration.ofSeconds(1));

        // when
        ApplicationError refused = left(t.tender.payments().confirm(confirmWithoutCard(created.id())));
        int purged = t.tender.expiry().purgeHeldCards();

        // then
        missingCard(refused);
        assertThat(connector.calls()).isEmpty();
        assertThat(purged).isZero();
        assertThat(t.inMemory.heldCards.size()).isEqualTo(1);
        assertThat(right(t.tender.payments().confirm(confirmWithoutCard(stillHeld.id()))).status())
                .isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void thePurgeDeletesEveryHoldThatEnded() {
        // given
        createdWithCard();
        createdWithCard();
        t.clock.advance(Tender.DEFAULT_CARD_HOLD_TTL);

        // when
        int purged = t.tender.expiry().purgeHeldCards();

        // then
        assertThat(purged).isEqualTo(2);
        assertThat(t.inMemory.heldCards.size()).isZero();
    }
}
