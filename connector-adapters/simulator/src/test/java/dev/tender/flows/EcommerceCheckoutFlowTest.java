package dev.tender.flows;

import dev.tender.connector.simulator.Balance;
import dev.tender.connector.simulator.LedgerEntry;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.connector.simulator.TestCards;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.in.CapturePaymentUseCase;
import dev.tender.ports.in.ConfirmPaymentUseCase;
import dev.tender.ports.in.CreateOrderUseCase;
import dev.tender.ports.in.CreatePaymentUseCase;
import dev.tender.ports.out.ConnectorRequest;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.tender.flows.SimulatedTender.ACCOUNT;
import static dev.tender.flows.SimulatedTender.MERCHANT;
import static dev.tender.flows.SimulatedTender.MERCHANT_ID;
import static dev.tender.flows.SimulatedTender.card;
import static dev.tender.flows.SimulatedTender.ledgerOf;
import static dev.tender.flows.SimulatedTender.right;
import static dev.tender.flows.SimulatedTender.usd;
import static dev.tender.flows.SimulatedTender.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * E-commerce checkout (seed 000): create an order at the processor before the customer enters a card,
 * authorize with that order, capture when the goods ship.
 */
class EcommerceCheckoutFlowTest {

    static final long ORDER_TOTAL = 125_00;

    final SimulatorConnector simulator = new SimulatorConnector();
    final RecordingConnector wire = new RecordingConnector(simulator);
    final SimulatedTender t = new SimulatedTender(wire).withAccount(ACCOUNT, simulator.name(), 0);

    Payment checkoutOpened() {
        return right(t.tender.payments().create(valid(CreatePaymentUseCase.Command.of(MERCHANT_ID, null, ORDER_TOTAL,
                "USD", "manual", null, "cus_ada", null, null, false, null, "checkout-1001"))));
    }

    Payment ordered() {
        Payment opened = checkoutOpened();
        return right(t.tender.payments().createOrder(new CreateOrderUseCase.Command(MERCHANT, opened.id(),
                Option.some("order-1001"))));
    }

    Payment authorized() {
        Payment ordered = ordered();
        return right(t.tender.payments().confirm(valid(ConfirmPaymentUseCase.Command.of(MERCHANT_ID,
                ordered.id().value(), card(TestCards.VISA), null, "https://shop.example/checkout/done",
                "pay-1001"))));
    }

    @Test
    void theOrderIsCreatedAtTheProcessorBeforeTheCustomerPaysAndHoldsNothing() {
        // given
        Payment opened = checkoutOpened();
        assertThat(opened.status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT_METHOD);

        // when
        Payment ordered = right(t.tender.payments().createOrder(new CreateOrderUseCase.Command(MERCHANT, opened.id(),
                Option.some("order-1001"))));

        // then
        assertThat(ordered.status()).isEqualTo(PaymentStatus.REQUIRES_PAYMENT_METHOD);
        assertThat(ordered.orderReference()).singleElement()
                .satisfies(order -> assertThat(order).startsWith("sim_ord_"));
        assertThat(ordered.connector()).contains(ACCOUNT);
        assertThat(ordered.authorized()).isEqualTo(usd(0));
        assertThat(wire.sent(ConnectorRequest.CreateOrder.class).single().amount()).isEqualTo(usd(ORDER_TOTAL));
        assertThat(simulator.ledger().entries()).as("an order moves no money").isEmpty();
    }

    @Test
    void theAuthorizationCarriesTheOrderAndHoldsTheTotalUntilShipping() {
        // given
        Payment ordered = ordered();

        // when
        Payment authorized = right(t.tender.payments().confirm(valid(ConfirmPaymentUseCase.Command.of(MERCHANT_ID,
                ordered.id().value(), card(TestCards.VISA), null, "https://shop.example/checkout/done",
                "pay-1001"))));

        // then
        assertThat(authorized.status()).isEqualTo(PaymentStatus.REQUIRES_CAPTURE);
        assertThat(authorized.authorized()).isEqualTo(usd(ORDER_TOTAL));
        assertThat(authorized.captured()).isEqualTo(usd(0));
        assertThat(authorized.capturable()).isEqualTo(usd(ORDER_TOTAL));
        ConnectorRequest.Authorize sent = wire.sent(ConnectorRequest.Authorize.class).single();
        assertThat(sent.orderReference()).isEqualTo(ordered.orderReference()).isNotEmpty();
        assertThat(sent.captureMethod()).isEqualTo(CaptureMethod.MANUAL);
        assertThat(sent.context().account().id()).isEqualTo(ACCOUNT);
        Balance ledger = ledgerOf(simulator, authorized);
        assertThat(ledger.authorized()).isEqualTo(usd(ORDER_TOTAL));
        assertThat(ledger.captured()).isEqualTo(usd(0));
    }

    @Test
    void captureWhenShippedMovesTheWholeTotal() {
        // given
        Payment authorized = authorized();

        // when
        Payment shipped = right(t.tender.payments().capture(valid(CapturePaymentUseCase.Command.of(MERCHANT_ID,
                authorized.id().value(), null, null, false, "ship-1001"))));

        // then
        assertThat(shipped.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(shipped.captured()).isEqualTo(usd(ORDER_TOTAL));
        assertThat(shipped.capturable()).isEqualTo(usd(0));
        assertThat(t.stored(shipped.id())).isEqualTo(shipped);
        Balance ledger = ledgerOf(simulator, shipped);
        assertThat(ledger.authorized()).isEqualTo(usd(ORDER_TOTAL));
        assertThat(ledger.captured()).isEqualTo(shipped.captured());
        assertThat(simulator.ledger().entries(shipped.connectorTransactionId().get()))
                .extracting(LedgerEntry::kind, LedgerEntry::amount, LedgerEntry::status)
                .containsExactly(
                        tuple(TransactionKind.AUTHORIZE, usd(ORDER_TOTAL),
                                LedgerEntry.Status.SUCCEEDED),
                        tuple(TransactionKind.CAPTURE, usd(ORDER_TOTAL),
                                LedgerEntry.Status.SUCCEEDED));
    }
}
