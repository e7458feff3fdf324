package dev.tender.client;

import dev.tender.domain.money.Currency;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.TransactionKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.client.ClientFixtures.CARD;
import static dev.tender.client.ClientFixtures.IDS;
import static dev.tender.client.ClientFixtures.TEN_EUROS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connector that throws or answers nothing breaks the SPI, and may have sent the call before it
 * failed: every operation reports UNKNOWN, never a decline that would invite a second charge.
 */
class BrokenConnectorTest {

    @Nested
    class AConnectorThatThrows {

        final FakeConnector connector = new FakeConnector().throwing(new IllegalStateException("socket closed"));
        final PaymentClient client = ClientFixtures.clientFor(connector);

        @Test
        void leavesEveryOperationUnknownWithTheFailureAsTheMessage() {
            // when
            AuthorizeResult authorize = client.authorize(AuthorizeRequest.of(IDS, TEN_EUROS, CARD, CaptureMethod.MANUAL));
            CaptureResult capture = client.capture(CaptureRequest.of(IDS, "psp_1", TEN_EUROS));
            GetResult get = client.get(GetRequest.of(IDS, TransactionKind.AUTHORIZE, "psp_1", TEN_EUROS));
            VoidResult voided = client.voidPayment(new VoidRequest(IDS, "psp_1", TEN_EUROS));
            ReverseResult reverse = client.reverse(new ReverseRequest(IDS, "psp_1", TEN_EUROS));
            RefundResult refund = client.refund(RefundRequest.of(IDS, "psp_1", TEN_EUROS));
            IncrementalAuthorizationResult increment = client.incrementalAuthorization(
                    new IncrementalAuthorizationRequest(IDS, "psp_1", TEN_EUROS));
            CreateOrderResult order = client.createOrder(new CreateOrderRequest(IDS, TEN_EUROS));
            SetupRecurringResult setup = client.setupRecurring(new SetupRecurringRequest(IDS, CARD, "cus_1",
                    Currency.EUR));

            // then
            String message = "the connector failed: java.lang.IllegalStateException: socket closed";
            assertThat(authorize.status()).isEqualTo(AuthorizeResult.Status.UNKNOWN);
            assertThat(authorize.message()).contains(message);
            assertThat(capture.status()).isEqualTo(CaptureResult.Status.UNKNOWN);
            assertThat(capture.message()).contains(message);
            assertThat(get.status()).isEqualTo(GetResult.Status.UNKNOWN);
            assertThat(voided.status()).isEqualTo(VoidResult.Status.UNKNOWN);
            assertThat(reverse.status()).isEqualTo(ReverseResult.Status.UNKNOWN);
            assertThat(refund.status()).isEqualTo(RefundResult.Status.UNKNOWN);
            assertThat(increment.status()).isEqualTo(IncrementalAuthorizationResult.Status.UNKNOWN);
            assertThat(order.status()).isEqualTo(CreateOrderResult.Status.UNKNOWN);
            assertThat(setup.status()).isEqualTo(SetupRecurringResult.Status.UNKNOWN);
            assertThat(setup.message()).contains(message);
            assertThat(connector.requests()).hasSize(9);
        }
    }

    @Nested
    class AConnectorThatAnswersNothing {

        final PaymentClient client = ClientFixtures.clientFor(new FakeConnector().answering(null));

        @Test
        void leavesTheOperationUnknown() {
            // when
            RefundResult refund = client.refund(RefundRequest.of(IDS, "psp_1", TEN_EUROS));

            // then
            assertThat(refund.status()).isEqualTo(RefundResult.Status.UNKNOWN);
            assertThat(refund.message()).contains("the connector returned no outcome");
        }
    }
}
