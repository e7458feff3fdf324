package dev.tender.client;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.client.ClientFixtures.CHALLENGE;
import static dev.tender.client.ClientFixtures.IDS;
import static dev.tender.client.ClientFixtures.clientFor;
import static dev.tender.client.ClientFixtures.expectedContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncrementalAuthorizationTest {

    final FakeConnector connector = new FakeConnector();
    final PaymentClient client = clientFor(connector);

    static final Money FIFTEEN_EUROS = Money.of(1500, Currency.EUR);
    static final IncrementalAuthorizationRequest INCREMENT =
            new IncrementalAuthorizationRequest(IDS, "psp_1", FIFTEEN_EUROS);

    @Test
    void theConnectorRequestCarriesTheNewTotal() {
        // when
        client.incrementalAuthorization(INCREMENT);

        // then
        assertThat(connector.onlyRequest()).isEqualTo(new ConnectorRequest.IncrementAuthorization(
                expectedContext("req_1:increment:fake"), "psp_1", FIFTEEN_EUROS));
    }

    @Nested
    class TheResult {

        @Test
        void approvedIsAuthorized() {
            // given
            connector.answering(Outcome.Approved.of("inc_1"));

            // when / then
            assertThat(client.incrementalAuthorization(INCREMENT)).isEqualTo(new IncrementalAuthorizationResult(
                    IncrementalAuthorizationResult.Status.AUTHORIZED, Option.some("inc_1"), Option.none(),
                    Option.none()));
        }

        @Test
        void declined() {
            // given
            connector.answering(new Outcome.Declined(DeclineCodes.INSUFFICIENT_FUNDS, "no headroom"));

            // when / then
            assertThat(client.incrementalAuthorization(INCREMENT)).isEqualTo(new IncrementalAuthorizationResult(
                    IncrementalAuthorizationResult.Status.DECLINED, Option.none(), Option.some("insufficient_funds"),
                    Option.some("no headroom")));
        }

        @Test
        void pending() {
            // given
            connector.answering(Outcome.Pending.of());

            // when / then
            assertThat(client.incrementalAuthorization(INCREMENT).status())
                    .isEqualTo(IncrementalAuthorizationResult.Status.PENDING);
        }

        @Test
        void requiresActionIsUnknown() {
            // given
            connector.answering(new Outcome.RequiresAction(CHALLENGE));

            // when
            IncrementalAuthorizationResult result = client.incrementalAuthorization(INCREMENT);

            // then
            assertThat(result.status()).isEqualTo(IncrementalAuthorizationResult.Status.UNKNOWN);
            assertThat(result.message().get()).contains("answered the incremental authorization with requires_action");
        }

        @Test
        void unknown() {
            // given
            connector.answering(new Outcome.Unknown("timeout"));

            // when / then
            assertThat(client.incrementalAuthorization(INCREMENT)).isEqualTo(new IncrementalAuthorizationResult(
                    IncrementalAuthorizationResult.Status.UNKNOWN, Option.none(), Option.none(),
                    Option.some("timeout")));
        }
    }

    @Test
    void aNewTotalOfZeroIsRefused() {
        // when / then
        assertThatThrownBy(() -> new IncrementalAuthorizationRequest(IDS, "psp_1", Money.zero(Currency.EUR)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid incremental authorization request: newTotal must be positive, got 0");
        assertThatThrownBy(() -> client.incrementalAuthorization(null)).isInstanceOf(InvalidRequestException.class);
        assertThat(connector.requests()).isEmpty();
    }
}
