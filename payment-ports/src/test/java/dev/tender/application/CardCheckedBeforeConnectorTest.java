package dev.tender.application;

import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.CustomerAcceptance;
import dev.tender.domain.payment.MandateSetup;
import dev.tender.domain.payment.MandateType;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.UpdatePayment;
import dev.tender.ports.in.ApplicationError;
import dev.tender.ports.in.CardRules;
import dev.tender.ports.in.ConfirmPaymentUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.in.FieldError;
import dev.tender.ports.in.SetupMandateUseCase;
import dev.tender.ports.in.UpdatePaymentUseCase;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.left;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embedder calling the services with a card built in code gets the card rules too: wherever a card
 * comes in, a bad one is refused with every field error and nothing is kept or sent to a connector.
 */
class CardCheckedBeforeConnectorTest {

    /** Wrong check digit, month 13, a CVC too short: three errors. */
    static final PaymentMethodData.Card BAD = new PaymentMethodData.Card("4242424242424241", 13, 2030, "12",
            Option.none());

    final ScriptedConnector connector = ScriptedConnector.withAllCapabilities("sim");
    final TestTender t = new TestTender(TestTender.fastSettings(), connector).withAccount("acc_1", "sim", 1);

    static CreatePaymentUseCase.Command create(String id, PaymentMethodData card, boolean confirm, String key) {
        return new CreatePaymentUseCase.Command(MERCHANT, Option.some(PaymentId.of(id)), usd(1_000),
                CaptureMethod.AUTOMATIC, Option.some(card), Option.none(), Option.none(), LinkedHashMap.empty(),
                confirm, Option.none(), Option.of(key), Option.none());
    }

    static ConfirmPaymentUseCase.Command confirm(PaymentId id, PaymentMethodData card) {
        return new ConfirmPaymentUseCase.Command(MERCHANT, id, Option.some(card), Option.none(), Option.none(),
                Option.none());
    }

    static Seq<String> fieldsOf(Either<ApplicationError, ?> result) {
        ApplicationError error = left(result);
        assertThat(error).isInstanceOf(ApplicationError.Invalid.class);
        return ((ApplicationError.Invalid) error).errors().map(FieldError::field);
    }

    Payment unconfirmed(String id) {
        return right(t.tender.payments().create(create(id, TestTender.card(), false, null)));
    }

    @Test
    void createAndConfirmWithABadCardIsRefusedBeforeAnythingIsSaved() {
        // when
        var result = t.tender.payments().create(create("pay_bad", BAD, true, null));

        // then
        assertThat(fieldsOf(result)).containsExactly(CardRules.NUMBER, CardRules.EXP_MONTH, CardRules.CVC);
        assertThat(t.inMemory.payments.find(MERCHANT, PaymentId.of("pay_bad"))).isEmpty();
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void aBadCardIsRefusedEvenWhenThePaymentIsNotConfirmed() {
        // when
        var result = t.tender.payments().create(create("pay_later", BAD, false, null));

        // then
        assertThat(fieldsOf(result)).containsExactly(CardRules.NUMBER, CardRules.EXP_MONTH, CardRules.CVC);
        assertThat(t.inMemory.payments.find(MERCHANT, PaymentId.of("pay_later"))).isEmpty();
    }

    @Test
    void anUpdateWithABadCardChangesNothing() {
        // given
        Payment created = unconfirmed("pay_upd");

        // when
        var result = t.tender.payments().update(new UpdatePaymentUseCase.Command(MERCHANT, created.id(),
                UpdatePayment.nothing(TestTender.START).amount(usd(2_000)), Option.some(BAD), Option.none()));

        // then
        assertThat(fieldsOf(result)).containsExactly(CardRules.NUMBER, CardRules.EXP_MONTH, CardRules.CVC);
        assertThat(t.stored(created.id())).isEqualTo(created);
    }

    @Test
    void aConfirmWithABadCardIsRefusedAndNothingIsSent() {
        // given
        Payment created = unconfirmed("pay_conf");

        // when
        var result = t.tender.payments().confirm(confirm(created.id(), BAD));

        // then
        assertThat(fieldsOf(result)).containsExactly(CardRules.NUMBER, CardRules.EXP_MONTH, CardRules.CVC);
        assertThat(t.stored(created.id()).status()).isEqualTo(PaymentStatus.REQUIRES_CONFIRMATION);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void aMandateIsNotSetUpWithABadCard() {
        // when
        var result = t.tender.mandates().setup(new SetupMandateUseCase.Command(MERCHANT, "cus_1", usd(0),
                CaptureMethod.AUTOMATIC, BAD, new MandateSetup(MandateType.MULTI_USE, Option.none(),
                new CustomerAcceptance("online", TestTender.START, Option.none(), Option.none())), Option.none()));

        // then
        assertThat(fieldsOf(result)).containsExactly(CardRules.NUMBER, CardRules.EXP_MONTH, CardRules.CVC);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void expiryIsReadOnTheServicesClock() {
        // given a card good through March 2025, and a payment created on 1 March
        PaymentMethodData.Card march = new PaymentMethodData.Card("4242424242424242", 3, 2025, "123",
                Option.none());
        Payment created = unconfirmed("pay_late");

        // when the service's clock has moved into April
        t.clock.set(Instant.parse("2025-04-02T00:00:00Z"));
        var result = t.tender.payments().confirm(confirm(created.id(), march));

        // then
        assertThat(fieldsOf(result)).containsExactly(CardRules.EXP_YEAR);
        assertThat(connector.calls()).isEmpty();
    }

    @Test
    void aRefusedCardDoesNotTakeTheIdempotencyKey() {
        // given
        left(t.tender.payments().create(create("pay_key", BAD, true, "key-1")));

        // when the client fixes the card and retries with the same key
        Payment created = right(t.tender.payments().create(create("pay_key", TestTender.card(), true, "key-1")));

        // then
        assertThat(created.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(connector.calls()).hasSize(1);
    }
}
