package dev.tender.client;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.client.ClientFixtures.CHALLENGE;
import static dev.tender.client.ClientFixtures.IDS;
import static dev.tender.client.ClientFixtures.TEN_EUROS;
import static dev.tender.client.ClientFixtures.clientFor;
import static dev.tender.client.ClientFixtures.expectedContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateOrderTest {

    final FakeConnector connector = new FakeConnector();
    final PaymentClient client = clientFor(connector);

    static final CreateOrderRequest ORDER = new CreateOrderRequest(IDS, TEN_EUROS);

    @Test
    void theConnectorRequestCarriesTheAmount() {
        // when
        client.createOrder(ORDER);

        // then
        assertThat(connector.onlyRequest())
                .isEqualTo(new ConnectorRequest.CreateOrder(expectedContext("req_1:order:fake"), TEN_EUROS));
    }

    @Nested
    class TheResult {

        @Test
        void approvedIsCreatedWithTheProcessorsOrderId() {
            // given
            connector.answering(Outcome.Approved.of("ord_77"));

            // when / then
            assertThat(client.createOrder(ORDER)).isEqualTo(new CreateOrderResult(CreateOrderResult.Status.CREATED,
                    Option.some("ord_77"), Option.none(), Option.none()));
        }

        @Test
        void approvedWithoutAnIdKeepsTheOrderUnderTheRequestId() {
            // given
            connector.answering(Outcome.Approved.withoutReference());

            // when / then
            assertThat(client.createOrder(ORDER).orderReference()).contains("req_1");
        }

        @Test
        void declined() {
            // given
            connector.answering(new Outcome.Declined(DeclineCodes.NOT_SUPPORTED, "orders are not supported"));

            // when / then
            assertThat(client.createOrder(ORDER)).isEqualTo(new CreateOrderResult(CreateOrderResult.Status.DECLINED,
                    Option.none(), Option.some("not_supported"), Option.some("orders are not supported")));
        }

        @Test
        void pending() {
            // given
            connector.answering(Outcome.Pending.of());

            // when / then
            assertThat(client.createOrder(ORDER)).isEqualTo(new CreateOrderResult(CreateOrderResult.Status.PENDING,
                    Option.none(), Option.none(), Option.none()));
        }

        @Test
        void requiresActionIsUnknown() {
            // given
            connector.answering(new Outcome.RequiresAction(CHALLENGE));

            // when
            CreateOrderResult result = client.createOrder(ORDER);

            // then
            assertThat(result.status()).isEqualTo(CreateOrderResult.Status.UNKNOWN);
            assertThat(result.orderReference()).isEmpty();
            assertThat(result.message().get()).contains("answered the create order with requires_action");
        }

        @Test
        void unknown() {
            // given
            connector.answering(new Outcome.Unknown("timeout"));

            // when / then
            assertThat(client.createOrder(ORDER)).isEqualTo(new CreateOrderResult(CreateOrderResult.Status.UNKNOWN,
                    Option.none(), Option.none(), Option.some("timeout")));
        }
    }

    @Test
    void anInvalidRequestIsRefused() {
        // when / then
        assertThatThrownBy(() -> new CreateOrderRequest(null, Money.zero(TEN_EUROS.currency())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid create order request: ids is required; amount must be positive, got 0");
        assertThatThrownBy(() -> client.createOrder(null)).isInstanceOf(InvalidRequestException.class);
        assertThat(connector.requests()).isEmpty();
    }
}
