package dev.tender.client;

import dev.tender.domain.money.Currency;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.tender.client.ClientFixtures.CARD;
import static dev.tender.client.ClientFixtures.CHALLENGE;
import static dev.tender.client.ClientFixtures.IDS;
import static dev.tender.client.ClientFixtures.clientFor;
import static dev.tender.client.ClientFixtures.expectedContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupRecurringTest {

    final FakeConnector connector = new FakeConnector();
    final PaymentClient client = clientFor(connector);

    static final SetupRecurringRequest SETUP = new SetupRecurringRequest(IDS, CARD, "cus_1", Currency.EUR);

    @Test
    void theConnectorRequestIsASetupMandate() {
        // when
        client.setupRecurring(SETUP);

        // then
        assertThat(connector.onlyRequest()).isEqualTo(new ConnectorRequest.SetupMandate(
                expectedContext("req_1:setup_mandate:fake"), CARD, "cus_1", Currency.EUR));
    }

    @Nested
    class TheResult {

        @Test
        void approvedIsAnActiveMandate() {
            // given
            connector.answering(new Outcome.Approved(Option.some("psp_1"), Option.some("pm_mandate_1")));

            // when / then
            assertThat(client.setupRecurring(SETUP)).isEqualTo(new SetupRecurringResult(
                    SetupRecurringResult.Status.ACTIVE, Option.some("pm_mandate_1"), Option.some("psp_1"),
                    Option.none(), Option.none(), Option.none()));
        }

        @Test
        void declined() {
            // given
            connector.answering(new Outcome.Declined(DeclineCodes.EXPIRED_CARD, "card expired"));

            // when / then
            assertThat(client.setupRecurring(SETUP)).isEqualTo(new SetupRecurringResult(
                    SetupRecurringResult.Status.DECLINED, Option.none(), Option.none(), Option.none(),
                    Option.some("expired_card"), Option.some("card expired")));
        }

        @Test
        void pending() {
            // given
            connector.answering(Outcome.Pending.of());

            // when / then
            assertThat(client.setupRecurring(SETUP).status()).isEqualTo(SetupRecurringResult.Status.PENDING);
        }

        @Test
        void requiresActionCarriesTheRedirectToAuthenticateTheMandate() {
            // given
            connector.answering(new Outcome.RequiresAction(CHALLENGE));

            // when / then
            assertThat(client.setupRecurring(SETUP)).isEqualTo(new SetupRecurringResult(
                    SetupRecurringResult.Status.REQUIRES_ACTION, Option.none(), Option.none(), Option.some(CHALLENGE),
                    Option.none(), Option.none()));
        }

        @Test
        void unknown() {
            // given
            connector.answering(new Outcome.Unknown("timeout"));

            // when / then
            assertThat(client.setupRecurring(SETUP)).isEqualTo(new SetupRecurringResult(
                    SetupRecurringResult.Status.UNKNOWN, Option.none(), Option.none(), Option.none(), Option.none(),
                    Option.some("timeout")));
        }
    }

    @Test
    void anInvalidRequestIsRefused() {
        // when / then
        assertThatThrownBy(() -> new SetupRecurringRequest(IDS, null, " ", new Currency("ABC", 2)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).containsExactly(
                        "method is required", "customerId must not be blank",
                        "currency must be an ISO-4217 currency with its exponent, got ABC with 2 decimals"));
        assertThatThrownBy(() -> client.setupRecurring(null)).isInstanceOf(InvalidRequestException.class);
        assertThat(connector.requests()).isEmpty();
    }
}
