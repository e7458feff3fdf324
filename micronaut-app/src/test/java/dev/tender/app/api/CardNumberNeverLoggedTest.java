package dev.tender.app.api;

import dev.tender.app.LogCapture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The card number never reaches the log, whatever the request does: a full flow, a decline, a 3DS
 * challenge, refused bodies that quote it, and an unexpected failure whose exception message carries it.
 * Everything the JVM logs (every logger, from DEBUG up) is captured while the requests run.
 */
@MicronautTest(transactional = false)
class CardNumberNeverLoggedTest extends ApiTestSupport {

    private static final String MASTERCARD = "5555555555554444";
    private static final String DECLINED = "4000000000000002";
    private static final String THREE_DS = "4000000000003063";

    @Test
    void noRequestPutsTheCardNumberInTheLog() {
        // given
        String key = merchant("m_log");
        List<String> lines;
        List<Answer> refused;
        try (LogCapture capture = LogCapture.everything()) {

            // when: card numbers travel through successes, declines, challenges, refusals and a failure
            String id = (String) confirmedPayment(key, 1000, "manual").get("payment_id");
            ok(post(key, "/payments/" + id + "/capture", "{}"));
            ok(post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":100}"));
            ok(post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\"," + card(MASTERCARD) + "}"));
            ok(post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"confirm\":true," + card(DECLINED) + "}"));
            ok(post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"confirm\":true," + card(THREE_DS) + "}"));
            refused = List.of(
                    post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\"," + card(VISA) + ",\"unknown\":1}"),
                    post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"payment_method_data\":{\"card\":"
                            + "{\"card_number\":" + VISA + "}}}"),
                    post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"card\":" + VISA + "x}"),
                    post(key, "/payments", "{\"amount\":-1,\"currency\":\"USD\"," + card(VISA) + "}"),
                    post(key, "/payments/" + id + "/confirm", "{" + card(VISA) + "}"),
                    post(key, "/payments/pay_none/confirm", "{" + card(VISA) + "}"),
                    post(key, "/test-fixture/boom", "{" + card(VISA) + "}", "boom-" + id),
                    get(key, "/test-fixture/boom"));
            lines = capture.lines();
        }

        // then
        assertThat(refused).extracting(Answer::status).allSatisfy(status -> assertThat(status).isBetween(400, 599));
        String log = String.join("\n", lines);
        assertThat(log).as("the unexpected failures were logged").contains("Unexpected failure");
        assertThat(log).doesNotContain(VISA).doesNotContain(MASTERCARD).doesNotContain(DECLINED)
                .doesNotContain(THREE_DS).doesNotContain(FailingTestController.SECRET);
    }
}
