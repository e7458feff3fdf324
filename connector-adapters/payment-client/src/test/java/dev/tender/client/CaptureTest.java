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

class CaptureTest {

    final FakeConnector connector = new FakeConnector();
    final PaymentClient client = clientFor(connector);

    static final CaptureRequest FULL = CaptureRequest.of(IDS, "psp_1", TEN_EUROS);

    @Nested
    class TheConnectorRequest {

        @Test
        void aCaptureIsFinalUnlessSaidOtherwise() {
            // when
            client.capture(FULL);

            // then
            assertThat(connector.onlyRequest()).isEqualTo(
                    new ConnectorRequest.Capture(expectedContext("req_1:capture:fake"), "psp_1", TEN_EUROS, true));
        }

        @Test
        void anEarlierCaptureOfSeveralIsNotFinalAndMaySendTheCallersKey() {
            // when
            client.capture(CaptureRequest.of(IDS.withIdempotencyKey("cap-a"), "psp_1", TEN_EUROS).notFinal());

            // then
            assertThat(connector.onlyRequest()).isEqualTo(
                    new ConnectorRequest.Capture(expectedContext("cap-a"), "psp_1", TEN_EUROS, false));
        }
    }

    @Nested
    class TheResult {

        @Test
        void approvedIsCapturedWithTheProcessorsReference() {
            // given
            connector.answering(Outcome.Approved.of("cap_9"));

            // when / then
            assertThat(client.capture(FULL)).isEqualTo(new CaptureResult(CaptureResult.Status.CAPTURED,
                    Option.some("cap_9"), Option.none(), Option.none()));
        }

        @Test
        void approvedWithoutAReferenceIsCapturedToo() {
            // given
            connector.answering(Outcome.Approved.withoutReference());

            // when / then
            assertThat(client.capture(FULL)).isEqualTo(new CaptureResult(CaptureResult.Status.CAPTURED,
                    Option.none(), Option.none(), Option.none()));
        }

        @Test
        void declined() {
            // given
            connector.answering(new Outcome.Declined(DeclineCodes.INVALID_REQUEST, "amount above capturable"));

            // when / then
            assertThat(client.capture(FULL)).isEqualTo(new CaptureResult(CaptureResult.Status.DECLINED,
                    Option.none(), Option.some("invalid_request"), Option.some("amount above capturable")));
        }

        @Test
        void pending() {
            // given
            connector.answering(Outcome.Pending.of());

            // when / then
            assertThat(client.capture(FULL)).isEqualTo(new CaptureResult(CaptureResult.Status.PENDING,
                    Option.none(), Option.none(), Option.none()));
        }

        @Test
        void requiresActionIsNotACaptureAnswerSoItIsUnknown() {
            // given
            connector.answering(new Outcome.RequiresAction(CHALLENGE));

            // when
            CaptureResult result = client.capture(FULL);

            // then
            assertThat(result.status()).isEqualTo(CaptureResult.Status.UNKNOWN);
            assertThat(result.message()).contains("the connector answered the capture with requires_action, which only "
                    + "an authorization may; check the state with get");
        }

        @Test
        void unknown() {
            // given
            connector.answering(new Outcome.Unknown("HTTP 502"));

            // when / then
            assertThat(client.capture(FULL)).isEqualTo(new CaptureResult(CaptureResult.Status.UNKNOWN,
                    Option.none(), Option.none(), Option.some("HTTP 502")));
        }
    }

    @Nested
    class Validation {

        @Test
        void aBlankTransactionIdAndAZeroAmountAreBothReported() {
            // when / then
            assertThatThrownBy(() -> CaptureRequest.of(IDS, " ", Money.zero(TEN_EUROS.currency())))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).containsExactly(
                            "connectorTransactionId must not be blank", "amount must be positive, got 0"));
        }

        @Test
        void missingFieldsAreReported() {
            // when / then
            assertThatThrownBy(() -> new CaptureRequest(null, null, null, true))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("invalid capture request: ids is required; connectorTransactionId is required; "
                            + "amount is required");
        }

        @Test
        void noRequestIsRefusedBeforeAnythingIsSent() {
            // when / then
            assertThatThrownBy(() -> client.capture(null)).isInstanceOf(InvalidRequestException.class);
            assertThat(connector.requests()).isEmpty();
        }
    }
}
