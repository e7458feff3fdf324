package dev.tender.app.contract;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tender.contract.hyperswitch.model.IntentStatus;
import dev.tender.contract.hyperswitch.model.PaymentsResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract tests' client refuses an answer the spec does not allow, and reads one it allows. */
class HyperswitchClientStrictnessTest {

    private final HyperswitchClient client = HyperswitchClient.at(URI.create("http://localhost:1"), "unused");

    private static String payment(String replaced, String by) {
        return """
                {"payment_id":"pay_1","merchant_id":"m_1","status":"requires_capture","amount":100,"net_amount":100,
                 "amount_capturable":100,"currency":"USD","payment_method":"card","attempt_count":1,
                 "next_action":null,"payment_method_data":null}""".replace(replaced, by);
    }

    @Test
    void anAnswerWithWhatTheSpecRequiresIsRead() throws IOException {
        PaymentsResponse read = client.read(payment("", ""), PaymentsResponse.class);

        assertThat(read.getStatus()).isEqualTo(IntentStatus.REQUIRES_CAPTURE);
        assertThat(read.getAmountCapturable()).isEqualTo(100L);
        assertThat(read.getNextAction()).isNull();
    }

    @Test
    void aRequiredPropertyMissingIsRefused() {
        assertThatThrownBy(() -> client.read(payment("\"attempt_count\":1,", ""), PaymentsResponse.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("PaymentsResponse: required by the spec and missing [attempt_count]");
    }

    @Test
    void aRequiredPropertyNullIsRefusedUnlessTheSpecSaysNullable() throws IOException {
        assertThatThrownBy(() -> client.read(payment("\"currency\":\"USD\"", "\"currency\":null"),
                PaymentsResponse.class))
                .hasMessageContaining("required, not nullable and null [currency]");
        assertThat(client.read(payment("\"payment_method\":\"card\"", "\"payment_method\":null"),
                PaymentsResponse.class).getPaymentMethod()).isNull();
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefused() {
        assertThatThrownBy(() -> client.read(payment("\"amount\":100", "\"amount\":\"100\""), PaymentsResponse.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> client.read(payment("\"merchant_id\":\"m_1\"", "\"merchant_id\":1"),
                PaymentsResponse.class)).isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("merchant_id");
        assertThatThrownBy(() -> client.read(payment("\"amount\":100", "\"amount\":100.5"), PaymentsResponse.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("amount");
    }

    @Test
    void aStatusTheSpecDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> client.read(payment("requires_capture", "authorized"), PaymentsResponse.class))
                .hasMessageContaining("authorized");
    }
}
