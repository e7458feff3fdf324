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
import static dev.tender.client.ClientFixtures.TEN_EUROS;
import static dev.tender.client.ClientFixtures.clientFor;
import static dev.tender.client.ClientFixtures.expectedContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoidTest {

    final FakeConnector connector = new FakeConnector();
    final PaymentClient client = clientFor(connector);

    static final VoidRequest VOID = new VoidRequest(IDS, "psp_1", TEN_EUROS);

    @Test
    void theConnectorRequestReleasesTheGivenAmountUnderTheDerivedKey() {
        // when
        client.voidPayment(VOID);

        // then
        assertThat(connector.onlyRequest())
                .isEqualTo(new ConnectorRequest.Void(expectedContext("req_1:void:fake"), "psp_1", TEN_EUROS));
    }

    @Nested
    class TheResult {

        @Test
        void approvedIsVoided() {
            // given
            connector.answering(Outcome.Approved.of("void_1"));

            // when / then
            assertThat(client.voidPayment(VOID)).isEqualTo(new VoidResult(VoidResult.Status.VOIDED,
                    Option.some("void_1"), Option.none(), Option.none()));
        }

        @Test
        void declined() {
            // given
            connector.answering(new Outcome.Declined(DeclineCodes.NOT_FOUND, "no such authorization"));

            // when / then
            assertThat(client.voidPayment(VOID)).isEqualTo(new VoidResult(VoidResult.Status.DECLINED, Option.none(),
                    Option.some("not_found"), Option.some("no such authorization")));
        }

        @Test
        void pending() {
            // given
            connector.answering(Outcome.Pending.of());

            // when / then
            assertThat(client.voidPayment(VOID)).isEqualTo(new VoidResult(VoidResult.Status.PENDING, Option.none(),
                    Option.none(), Option.none()));
        }

        @Test
        void requiresActionIsUnknown() {
            // given
            connector.answering(new Outcome.RequiresAction(CHALLENGE));

            // when
            VoidResult result = client.voidPayment(VOID);

            // then
            assertThat(result.status()).isEqualTo(VoidResult.Status.UNKNOWN);
            assertThat(result.message().get()).contains("answered the void with requires_action");
        }

        @Test
        void unknown() {
            // given
            connector.answering(new Outcome.Unknown("connection reset"));

            // when / then
            assertThat(client.voidPayment(VOID)).isEqualTo(new VoidResult(VoidResult.Status.UNKNOWN, Option.none(),
                    Option.none(), Option.some("connection reset")));
        }
    }

    @Test
    void aZeroAmountOrAnotherCurrencysExponentIsRefused() {
        // when / then
        assertThatThrownBy(() -> new VoidRequest(IDS, "psp_1", Money.zero(Currency.EUR)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid void request: amount must be positive, got 0");
        assertThatThrownBy(() -> new VoidRequest(IDS, "psp_1", Money.of(5, new Currency("JPY", 2))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("amount currency must be an ISO-4217 currency with its exponent");
        assertThatThrownBy(() -> client.voidPayment(null)).isInstanceOf(InvalidRequestException.class);
        assertThat(connector.requests()).isEmpty();
    }
}
