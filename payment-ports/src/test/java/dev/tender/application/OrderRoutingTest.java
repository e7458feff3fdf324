package dev.tender.application;

import dev.tender.application.ScriptedConnector.Op;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.in.ConfirmPaymentUseCase;
import dev.tender.ports.in.CreateOrderUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.tender.application.TestTender.MERCHANT;
import static dev.tender.application.TestTender.right;
import static dev.tender.application.TestTender.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's order exists only at the account that created it: its reference, and every question
 * about it, go to that account, whatever the routing says later.
 */
class OrderRoutingTest {

    final ScriptedConnector first = ScriptedConnector.withAllCapabilities("first");
    final ScriptedConnector second = ScriptedConnector.withAllCapabilities("second");
    final TestTender t = new TestTender(TestTender.fastSettings(), first, second)
            .withAccount("acc_first", "first", 10)
            .withAccount("acc_second", "second", 20);

    PaymentId created() {
        return right(t.tender.payments().create(new CreatePaymentUseCase.Command(MERCHANT, Option.none(),
                usd(5_000), CaptureMethod.MANUAL, Option.some(TestTender.card()), Option.none(), Option.none(),
                LinkedHashMap.empty(), false, Option.none(), Option.none(), Option.none()))).id();
    }

    Payment order(PaymentId id) {
        return right(t.tender.payments().createOrder(new CreateOrderUseCase.Command(MERCHANT, id, Option.none())));
    }

    Payment confirm(PaymentId id) {
        return right(t.tender.payments().confirm(new ConfirmPaymentUseCase.Command(MERCHANT, id,
                Option.some(TestTender.card()), Option.none(), Option.none(), Option.none())));
    }

    static boolean sentOrder(ScriptedConnector connector, String reference) {
        return connector.<ConnectorRequest.Authorize>requests(Op.AUTHORIZE)
                .exists(r -> r.orderReference().contains(reference));
    }

    @Test
    void theOrderIsCreatedAtTheFirstAccountAndAuthorizedThere() {
        // given
        PaymentId id = created();
        first.answer(Op.CREATE_ORDER, Outcome.Approved.of("order_42"));
        order(id);

        // when
        Payment authorized = confirm(id);

        // then
        assertThat(authorized.connector()).contains("acc_first");
        assertThat(sentOrder(first, "order_42")).isTrue();
        assertThat(second.calls()).isEmpty();
    }

    @Test
    void aFallBackDoesNotSendTheOrderOfOneAccountToAnother() {
        // given
        PaymentId id = created();
        first.answer(Op.CREATE_ORDER, Outcome.Approved.of("order_42"));
        order(id);
        first.answer(Op.AUTHORIZE, new Outcome.Declined(DeclineCodes.TECHNICAL_ERROR, "not sent"));

        // when
        confirm(id);

        // then
        assertThat(sentOrder(second, "order_42")).as("acc_second never saw order_42").isFalse();
    }

    @Test
    void anAccountAddedAfterTheOrderDoesNotGetItsAuthorization() {
        // given
        PaymentId id = created();
        first.answer(Op.CREATE_ORDER, Outcome.Approved.of("order_42"));
        order(id);
        t.withAccount("acc_new", "second", 1);

        // when
        confirm(id);

        // then
        assertThat(sentOrder(second, "order_42")).as("acc_new never saw order_42").isFalse();
        assertThat(sentOrder(first, "order_42")).isTrue();
    }

    @Test
    void anUnknownOrderIsSyncedAtTheAccountThatTookItAfterTheRoutingChanged() {
        // given
        PaymentId id = created();
        first.always(Op.CREATE_ORDER, new Outcome.Unknown("timeout"));
        order(id);
        t.withAccount("acc_new", "second", 1);
        first.answer(Op.SYNC, Outcome.Approved.of("order_42"));
        t.clock.advance(ServiceSettings.defaults().firstReconcileDelay());

        // when
        t.tender.reconciler().runOnce(10);

        // then
        assertThat(second.count(Op.SYNC)).as("acc_new never saw the order").isZero();
        assertThat(first.<ConnectorRequest.Sync>requests(Op.SYNC).map(r -> r.context().account().id()))
                .containsExactly("acc_first");
        assertThat(t.stored(id).orderReference()).contains("order_42");
    }
}
