package dev.tender.client;

import dev.tender.domain.payment.TransactionKind;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallIdsTest {

    final PaymentClient client = ClientFixtures.clientFor(new FakeConnector());

    @Test
    void theDerivedKeyIsTheRequestIdTheOperationAndTheAccount() {
        // when
        String key = client.idempotencyKeyFor(CallIds.of("order_42", "req_1"), TransactionKind.AUTHORIZE);

        // then
        assertThat(key).isEqualTo("req_1:authorize:fake");
    }

    @Test
    void theSameRequestIdForTwoOperationsGivesTwoKeysSoOneNeverReplaysTheOther() {
        // given
        CallIds reused = CallIds.of("order_42", "req_1");

        // when
        String authorize = client.idempotencyKeyFor(reused, TransactionKind.AUTHORIZE);
        String capture = client.idempotencyKeyFor(reused, TransactionKind.CAPTURE);

        // then
        assertThat(authorize).isNotEqualTo(capture);
    }

    @Test
    void aRetryWithTheSameIdsSendsTheSameKey() {
        // when
        String first = client.idempotencyKeyFor(CallIds.of("order_42", "req_1"), TransactionKind.REFUND);
        String retry = client.idempotencyKeyFor(CallIds.of("order_42", "req_1"), TransactionKind.REFUND);

        // then
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void aCallersKeyIsSentAsItIs() {
        // when
        String key = client.idempotencyKeyFor(CallIds.of("order_42", "req_1").withIdempotencyKey("7f3c-9a"),
                TransactionKind.CAPTURE);

        // then
        assertThat(key).isEqualTo("7f3c-9a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "order 42", "order/42", "x12345678901234567890123456789012345678901234567890123456789012345"})
    void anIdAConnectorCannotCarryIsRefused(String id) {
        // when / then
        assertThatThrownBy(() -> CallIds.of(id, id))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).containsExactly(
                        "paymentId must be 1-64 characters of letters, digits, '_', '-', '.', ':'",
                        "requestId must be 1-64 characters of letters, digits, '_', '-', '.', ':'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\tkey", "é"})
    void anIdempotencyKeyMustBePrintableAscii(String key) {
        // when / then
        assertThatThrownBy(() -> CallIds.of("order_42", "req_1").withIdempotencyKey(key))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid call ids: idempotencyKey must be 1-255 printable ASCII characters without spaces");
    }

    @Test
    void missingIdsAreReported() {
        // when / then
        assertThatThrownBy(() -> new CallIds(null, null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).containsExactly(
                        "paymentId is required", "requestId is required", "idempotencyKey is required"));
        assertThat(new CallIds("p", "r", Option.none()).idempotencyKey()).isEmpty();
    }
}
