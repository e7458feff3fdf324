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

class RefundTest {

    final FakeConnector connector = new FakeConnector();
    final PaymentClient client = clientFor(connector);

    static final RefundRequest REFUND = RefundRequest.of(IDS, "psp_1", TEN_EUROS);

    @Nested
    class TheConnectorRequest {

        @Test
        void withoutAReason() {
            // when
            client.refund(REFUND);

            // then
            assertThat(connector.onlyRequest()).isEqualTo(new ConnectorRequest.Refund(
                    expectedContext("req_1:refund:fake"), "psp_1", TEN_EUROS, Option.none()));
        }

        @Test
        void withAReason() {
            // when
            client.refund(REFUND.withReason("returned goods"));

            // then
            assertThat(connector.onlyRequest()).isEqualTo(new ConnectorRequest.Refund(
                    expectedContext("req_1:refund:fake"), "psp_1", TEN_EUROS, Option.some("returned goods")));
        }
    }

    @Nested
    class TheResult {

        @Test
        void approvedIsRefundedWithTheRefundsId() {
            // given
            connector.answering(Outcome.Approved.of("re_1"));

            // when / then
            assertThat(client.refund(REFUND)).isEqualTo(new RefundResult(RefundResult.Status.REFUNDED,
                    Option.some("re_1"), Option.none(), Option.none()));
        }

        @Test
        void declined() {
            // given
            connector.answering(new Outcome.Declined(DeclineCodes.PROCESSING_ERROR, "try later"));

            // when / then
            assertThat(client.refund(REFUND)).isEqualTo(new RefundResult(RefundResult.Status.DECLINED,
                    Option.none(), Option.some("processing_error"), Option.some("try later")));
        }

        @Test
        void pendingIsPending() {
            // given
            connector.answering(new Outcome.Pending(false));

            // when / then
            assertThat(client.refund(REFUND).status()).isEqualTo(RefundResult.Status.PENDING);
        }

        @Test
        void pendingForReviewIsReview() {
            // given
            connector.answering(new Outcome.Pending(true));

            // when / then
            assertThat(client.refund(REFUND)).isEqualTo(new RefundResult(RefundResult.Status.REVIEW,
                    Option.none(), Option.none(), Option.none()));
        }

        @Test
        void requiresActionIsUnknown() {
            // given
            connector.answering(new Outcome.RequiresAction(CHALLENGE));

            // when
            RefundResult result = client.refund(REFUND);

            // then
            assertThat(result.status()).isEqualTo(RefundResult.Status.UNKNOWN);
            assertThat(result.message().get()).contains("answered the refund with requires_action");
        }

        @Test
        void unknown() {
            // given
            connector.answering(new Outcome.Unknown("timeout"));

            // when / then
            assertThat(client.refund(REFUND)).isEqualTo(new RefundResult(RefundResult.Status.UNKNOWN,
                    Option.none(), Option.none(), Option.some("timeout")));
        }
    }

    @Test
    void anInvalidRequestIsRefused() {
        // when / then
        assertThatThrownBy(() -> RefundRequest.of(IDS, "psp_1", Money.zero(TEN_EUROS.currency())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid refund request: amount must be positive, got 0");
        assertThatThrownBy(() -> REFUND.withReason(" "))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid refund request: reason must not be blank when given");
        assertThatThrownBy(() -> client.refund(null)).isInstanceOf(InvalidRequestException.class);
        assertThat(connector.requests()).isEmpty();
    }
}
