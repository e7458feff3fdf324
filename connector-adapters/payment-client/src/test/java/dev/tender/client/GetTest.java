package dev.tender.client;

import dev.tender.domain.money.Currency;
import dev.tender.domain.money.Money;
import dev.tender.domain.payment.CaptureMethod;
import dev.tender.domain.payment.Outcome;
import dev.tender.domain.payment.TransactionKind;
import dev.tender.ports.out.ConnectorRequest;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.tender.client.ClientFixtures.CARD;
import static dev.tender.client.ClientFixtures.CHALLENGE;
import static dev.tender.client.ClientFixtures.IDS;
import static dev.tender.client.ClientFixtures.TEN_EUROS;
import static dev.tender.client.ClientFixtures.clientFor;
import static dev.tender.client.ClientFixtures.expectedContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetTest {

    final FakeConnector connector = new FakeConnector();
    final PaymentClient client = clientFor(connector);

    static final GetRequest AUTHORIZATION = GetRequest.of(IDS, TransactionKind.AUTHORIZE, "psp_1", TEN_EUROS);

    @Nested
    class TheConnectorRequest {

        @Test
        void isASyncOfTheNamedCall() {
            // when
            client.get(AUTHORIZATION);

            // then
            assertThat(connector.onlyRequest()).isEqualTo(new ConnectorRequest.Sync(
                    expectedContext("req_1:authorize:fake"), TransactionKind.AUTHORIZE, Option.some("psp_1"),
                    TEN_EUROS));
        }

        @Test
        void namesTheEarlierOperationAsTheProcessorKnowsIt() {
            // when: a capture of 10.00 after 30.00 captured before it
            client.get(GetRequest.of(IDS, TransactionKind.CAPTURE, "psp_1", TEN_EUROS)
                    .withOperation(Option.none(), TEN_EUROS.plus(TEN_EUROS).plus(TEN_EUROS)));

            // then
            ConnectorRequest.Sync sync = (ConnectorRequest.Sync) connector.onlyRequest();
            assertThat(sync.settledBefore()).contains(TEN_EUROS.plus(TEN_EUROS).plus(TEN_EUROS));
            assertThat(sync.operationReference()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(TransactionKind.class)
        void sendsTheIdempotencyKeyTheEarlierCallOfThatKindSent(TransactionKind kind) {
            // when
            client.get(GetRequest.of(IDS, kind, "psp_1", TEN_EUROS));

            // then
            assertThat(connector.onlyRequest().context().idempotencyKey())
                    .isEqualTo("req_1:" + kind.wireName() + ":fake")
                    .isEqualTo(client.idempotencyKeyFor(IDS, kind));
        }

        @Test
        void afterAnAuthorizeThatTimedOutItFindsTheCallByItsKeyAlone() {
            // given: the authorize's answer was lost
            connector.answering(new Outcome.Unknown("read timed out"));
            client.authorize(AuthorizeRequest.of(IDS, TEN_EUROS, CARD, CaptureMethod.MANUAL));
            ConnectorRequest authorize = connector.requests().get(0);

            // when
            client.get(GetRequest.withoutTransactionId(IDS, TransactionKind.AUTHORIZE, TEN_EUROS));

            // then
            ConnectorRequest.Sync sync = (ConnectorRequest.Sync) connector.requests().get(1);
            assertThat(sync.context()).isEqualTo(authorize.context());
            assertThat(sync.connectorTransactionId()).isEmpty();
        }

        @Test
        void aCallersOwnKeyIsSentAgain() {
            // when
            client.get(GetRequest.of(IDS.withIdempotencyKey("idem-7"), TransactionKind.CAPTURE, "psp_1", TEN_EUROS));

            // then
            assertThat(connector.onlyRequest().context()).isEqualTo(expectedContext("idem-7"));
        }

        @Test
        void aSetupMandateIsAskedAboutWithAZeroAmount() {
            // given
            Money none = Money.zero(Currency.EUR);

            // when
            client.get(GetRequest.of(IDS, TransactionKind.SETUP_MANDATE, "psp_1", none));

            // then
            assertThat(connector.onlyRequest()).isEqualTo(new ConnectorRequest.Sync(
                    expectedContext("req_1:setup_mandate:fake"), TransactionKind.SETUP_MANDATE, Option.some("psp_1"),
                    none));
        }
    }

    @Nested
    class TheResult {

        @Test
        void approvedIsSucceededWithTheProcessorsIds() {
            // given
            connector.answering(new Outcome.Approved(Option.some("psp_1"), Option.some("mandate_1")));

            // when / then
            assertThat(client.get(AUTHORIZATION)).isEqualTo(new GetResult(TransactionKind.AUTHORIZE,
                    GetResult.Status.SUCCEEDED, Option.some("psp_1"), Option.none(), Option.none(), Option.none(),
                    Option.some("mandate_1")));
        }

        @Test
        void declined() {
            // given
            connector.answering(new Outcome.Declined(DeclineCodes.AUTHENTICATION_FAILED, "3DS failed"));

            // when / then
            assertThat(client.get(AUTHORIZATION)).isEqualTo(new GetResult(TransactionKind.AUTHORIZE,
                    GetResult.Status.DECLINED, Option.none(), Option.none(), Option.some("authentication_failed"),
                    Option.some("3DS failed"), Option.none()));
        }

        @Test
        void pending() {
            // given
            connector.answering(new Outcome.Pending(false));

            // when / then
            assertThat(client.get(AUTHORIZATION)).isEqualTo(new GetResult(TransactionKind.AUTHORIZE,
                    GetResult.Status.PENDING, Option.none(), Option.none(), Option.none(), Option.none(),
                    Option.none()));
        }

        @Test
        void pendingForReviewIsReview() {
            // given
            connector.answering(new Outcome.Pending(true));

            // when
            GetResult result = client.get(GetRequest.of(IDS, TransactionKind.REFUND, "psp_1", TEN_EUROS));

            // then
            assertThat(result.kind()).isEqualTo(TransactionKind.REFUND);
            assertThat(result.status()).isEqualTo(GetResult.Status.REVIEW);
        }

        @Test
        void requiresActionMeansTheCustomerHasNotFinished() {
            // given
            connector.answering(new Outcome.RequiresAction(CHALLENGE));

            // when / then
            assertThat(client.get(AUTHORIZATION)).isEqualTo(new GetResult(TransactionKind.AUTHORIZE,
                    GetResult.Status.REQUIRES_ACTION, Option.none(), Option.some(CHALLENGE), Option.none(),
                    Option.none(), Option.none()));
        }

        @Test
        void unknown() {
            // given
            connector.answering(new Outcome.Unknown("processor cannot tell yet"));

            // when / then
            assertThat(client.get(AUTHORIZATION)).isEqualTo(new GetResult(TransactionKind.AUTHORIZE,
                    GetResult.Status.UNKNOWN, Option.none(), Option.none(), Option.none(),
                    Option.some("processor cannot tell yet"), Option.none()));
        }
    }

    @Nested
    class Validation {

        @Test
        void aZeroAmountIsRefusedForEveryKindButSetupMandate() {
            // when / then
            assertThatThrownBy(() -> GetRequest.of(IDS, TransactionKind.CAPTURE, "psp_1", Money.zero(Currency.EUR)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("invalid get request: amount must be positive, got 0");
        }

        @Test
        void missingFieldsAndABlankTransactionIdAreReported() {
            // when / then
            assertThatThrownBy(() -> new GetRequest(null, null, Option.some(""), null))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).containsExactly(
                            "ids is required", "kind is required",
                            "connectorTransactionId must not be blank when given", "amount is required"));
            assertThatThrownBy(() -> new GetRequest(IDS, TransactionKind.SETUP_MANDATE, Option.none(), null))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("invalid get request: amount is required");
        }

        @Test
        void noRequestIsRefusedBeforeAnythingIsSent() {
            // when / then
            assertThatThrownBy(() -> client.get(null)).isInstanceOf(InvalidRequestException.class);
            assertThat(connector.requests()).isEmpty();
        }
    }
}
