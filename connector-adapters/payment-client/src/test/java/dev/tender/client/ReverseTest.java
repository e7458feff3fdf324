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

class ReverseTest {

    final FakeConnector connector = new FakeConnector();
    final PaymentClient client = clientFor(connector);

    static final ReverseRequest REVERSE = new ReverseRequest(IDS, "psp_1", TEN_EUROS);

    @Test
    void theConnectorRequestCancelsTheCapturedAmount() {
        // when
        client.reverse(new ReverseRequest(IDS.withIdempotencyKey("rev-1"), "psp_1", TEN_EUROS));

        // then
        assertThat(connector.onlyRequest())
                .isEqualTo(new ConnectorRequest.Reverse(expectedContext("rev-1"), "psp_1", TEN_EUROS));
    }

    @Test
    void theDerivedKeyNamesTheReverse() {
        // when
        client.reverse(REVERSE);

        // then
        assertThat(connector.onlyRequest().context().idempotencyKey()).isEqualTo("req_1:reverse:fake");
    }

    @Nested
    class TheResult {

        @Test
        void approvedIsReversed() {
            // given
            connector.answering(Outcome.Approved.of("rev_9"));

            // when / then
            assertThat(client.reverse(REVERSE)).isEqualTo(new ReverseResult(ReverseResult.Status.REVERSED,
                    Option.some("rev_9"), Option.none(), Option.none()));
        }

        @Test
        void declined() {
            // given
            connector.answering(new Outcome.Declined(DeclineCodes.NOT_SUPPORTED, "already settled"));

            // when / then
            assertThat(client.reverse(REVERSE)).isEqualTo(new ReverseResult(ReverseResult.Status.DECLINED,
                    Option.none(), Option.some("not_supported"), Option.some("already settled")));
        }

        @Test
        void pending() {
            // given
            connector.answering(new Outcome.Pending(true));

            // when / then
            assertThat(client.reverse(REVERSE)).isEqualTo(new ReverseResult(ReverseResult.Status.PENDING,
                    Option.none(), Option.none(), Option.none()));
        }

        @Test
        void requiresActionIsUnknown() {
            // given
            connector.answering(new Outcome.RequiresAction(CHALLENGE));

            // when
            ReverseResult result = client.reverse(REVERSE);

            // then
            assertThat(result.status()).isEqualTo(ReverseResult.Status.UNKNOWN);
            assertThat(result.message().get()).contains("answered the reverse with requires_action");
        }

        @Test
        void unknown() {
            // given
            connector.answering(new Outcome.Unknown("timeout"));

            // when / then
            assertThat(client.reverse(REVERSE)).isEqualTo(new ReverseResult(ReverseResult.Status.UNKNOWN,
                    Option.none(), Option.none(), Option.some("timeout")));
        }
    }

    @Test
    void anInvalidRequestIsRefused() {
        // when / then
        assertThatThrownBy(() -> new ReverseRequest(IDS, "", Money.zero(TEN_EUROS.currency())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).containsExactly(
                        "connectorTransactionId must not be blank", "amount must be positive, got 0"));
        assertThatThrownBy(() -> client.reverse(null)).isInstanceOf(InvalidRequestException.class);
        assertThat(connector.requests()).isEmpty();
    }
}
