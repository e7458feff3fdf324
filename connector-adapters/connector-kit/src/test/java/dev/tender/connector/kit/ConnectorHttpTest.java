package dev.tender.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.DeclineCodes;
import io.vavr.collection.LinkedHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ConnectorHttp} against a real local HTTP server: every way an exchange can end is an outcome. */
class ConnectorHttpTest {

    /** Generous, so a loaded machine answers in time; only the read-timeout test uses a short one. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(150);
    private static final DeclineCodeMap CODES = DeclineCodeMap.otherwise(DeclineCodes.CARD_DECLINED)
            .map("insufficient_funds", DeclineCodes.INSUFFICIENT_FUNDS);

    private final ConnectorHttp http = ConnectorHttp.create(TIMEOUT, TIMEOUT);

    /** How a typical JSON processor is read: an id when it succeeded, an error object when it refused. */
    private static Outcome readCharge(HttpAnswer answer) {
        JsonNode json = answer.json();
        if (answer.isSuccess()) {
            return Outcome.Approved.of(json.get("id").asText());
        }
        JsonNode error = json.get("error");
        return CODES.declined(error.get("decline_code").asText(), error.get("message").asText());
    }

    @Nested
    class WhenTheProcessorAnswers {

        @Test
        void aJsonApprovalIsReadByTheMapper() throws IOException {
            try (LocalServer processor = LocalServer.answering(LocalServer.json(200, "{\"id\":\"ch_1\",\"new\":1}"))) {
                // given
                var request = Requests.idempotent(Requests.postJson(processor.uri("/v1/charges"),
                        Json.object().put("amount", 1000)), "Idempotency-Key", Fixtures.context("tx_1"));

                // when
                Outcome outcome = http.exchange(request, ConnectorHttpTest::readCharge);

                // then
                assertThat(outcome).isEqualTo(Outcome.Approved.of("ch_1"));
                LocalServer.Received sent = processor.received().getFirst();
                assertThat(sent.method()).isEqualTo("POST");
                assertThat(sent.headers().getFirst("Content-Type")).isEqualTo("application/json");
                assertThat(sent.headers().getFirst("Idempotency-Key")).isEqualTo("tx_1:acc_kit");
                assertThat(sent.body()).isEqualTo("{\"amount\":1000}");
            }
        }

        @Test
        void aFormIsSentEncodedInItsOrder() throws IOException {
            try (LocalServer processor = LocalServer.answering(LocalServer.json(200, "{\"id\":\"ch_2\"}"))) {
                // given
                var request = Requests.postForm(processor.uri("/v1/charges"),
                        LinkedHashMap.of("amount", "1000", "metadata[order]", "a&b c"));

                // when
                Outcome outcome = http.exchange(request, ConnectorHttpTest::readCharge);

                // then
                assertThat(outcome).isEqualTo(Outcome.Approved.of("ch_2"));
                LocalServer.Received sent = processor.received().getFirst();
                assertThat(sent.headers().getFirst("Content-Type")).isEqualTo(FormEncoding.CONTENT_TYPE);
                assertThat(sent.body()).isEqualTo("amount=1000&metadata%5Border%5D=a%26b+c");
            }
        }

        @Test
        void aRefusalIsDeclinedWithTheUnifiedCode() throws IOException {
            String refusal = "{\"error\":{\"decline_code\":\"insufficient_funds\",\"message\":\"Not enough money.\"}}";
            try (LocalServer processor = LocalServer.answering(LocalServer.json(402, refusal))) {
                // given
                var request = Requests.postJson(processor.uri("/v1/charges"), Json.object());

                // when
                Outcome outcome = http.exchange(request, ConnectorHttpTest::readCharge);

                // then
                assertThat(outcome).isEqualTo(new Outcome.Declined(DeclineCodes.INSUFFICIENT_FUNDS,
                        "Not enough money. [insufficient_funds]"));
            }
        }

        @Test
        void aServerErrorIsUnknownWithoutAskingTheMapper() throws IOException {
            try (LocalServer processor = LocalServer.answering(LocalServer.json(503, "{\"id\":\"ch_3\"}"))) {
                // given
                AtomicBoolean mapperCalled = new AtomicBoolean();

                // when
                Outcome outcome = http.exchange(Requests.get(processor.uri("/v1/charges/ch_3")), answer -> {
                    mapperCalled.set(true);
                    return Outcome.Approved.of("ch_3");
                });

                // then
                assertThat(outcome).isEqualTo(new Outcome.Unknown("the processor answered HTTP 503"));
                assertThat(mapperCalled).isFalse();
            }
        }

        @Test
        void aBodyThatIsNotJsonIsUnknown() throws IOException {
            try (LocalServer processor = LocalServer.answering(LocalServer.status(200, "text/html", "<html>ok"))) {
                // given
                var request = Requests.postJson(processor.uri("/v1/charges"), Json.object());

                // when
                Outcome outcome = http.exchange(request, ConnectorHttpTest::readCharge);

                // then
                assertThat(outcome).isInstanceOfSatisfying(Outcome.Unknown.class, unknown -> assertThat(unknown.cause())
                        .contains("unreadable").contains("HTTP 200").doesNotContain("<html>"));
            }
        }

        @Test
        void anEmptyBodyIsUnknown() throws IOException {
            try (LocalServer processor = LocalServer.answering(LocalServer.json(200, ""))) {
                // given
                var request = Requests.postJson(processor.uri("/v1/charges"), Json.object());

                // when
                Outcome outcome = http.exchange(request, ConnectorHttpTest::readCharge);

                // then
                assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
            }
        }

        @Test
        void aMapperThatFailsOrAnswersNothingGivesUnknown() throws IOException {
            try (LocalServer processor = LocalServer.answering(LocalServer.json(200, "{}"))) {
                // given
                var request = Requests.postJson(processor.uri("/v1/charges"), Json.object());

                // when
                Outcome missingField = http.exchange(request, ConnectorHttpTest::readCharge);
                Outcome nothing = http.exchange(request, answer -> null);

                // then
                assertThat(missingField).isInstanceOfSatisfying(Outcome.Unknown.class,
                        unknown -> assertThat(unknown.cause()).contains("NullPointerException"));
                assertThat(nothing).isEqualTo(new Outcome.Unknown("no outcome read from HTTP 200"));
            }
        }
    }

    @Nested
    class WhenTheExchangeFails {

        @Test
        void noAnswerWithinTheReadTimeoutIsUnknownBecauseTheProcessorHasTheRequest() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            try (LocalServer processor = LocalServer.answering(exchange -> {
                awaitQuietly(release);
                LocalServer.send(exchange, 200, "application/json", "{\"id\":\"ch_late\"}");
            })) {
                // given
                var request = Requests.postJson(processor.uri("/v1/charges"), Json.object());

                // when
                Outcome outcome = ConnectorHttp.create(TIMEOUT, SHORT_READ_TIMEOUT)
                        .exchange(request, ConnectorHttpTest::readCharge);

                // then
                assertThat(outcome).isEqualTo(new Outcome.Unknown("no answer from the processor within the read timeout"));
                assertThat(processor.received()).hasSize(1);
            } finally {
                release.countDown();
            }
        }

        @Test
        void aRefusedConnectionIsATechnicalErrorBecauseNothingWasSent() throws IOException {
            // given
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            var request = Requests.postJson(URI.create("http://127.0.0.1:" + closedPort + "/v1/charges"), Json.object());

            // when
            Outcome outcome = http.exchange(request, ConnectorHttpTest::readCharge);

            // then
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class, declined -> {
                assertThat(declined.code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR);
                assertThat(declined.message()).contains("nothing was sent");
            });
        }

        @Test
        void aSyncThatCouldNotBeSentIsUnknownNeverADecline() throws IOException {
            // given
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }
            var request = Requests.get(URI.create("http://127.0.0.1:" + closedPort + "/v1/charges/ch_1"));

            // when
            Outcome outcome = http.exchangeForSync(request, ConnectorHttpTest::readCharge);

            // then
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Unknown.class,
                    unknown -> assertThat(unknown.cause()).startsWith("sync not sent"));
        }

        @Test
        void aConnectionDroppedAfterTheRequestArrivedIsUnknown() throws IOException {
            try (LocalServer processor = LocalServer.answering(exchange -> {
                throw new IOException("the processor crashed while answering");
            })) {
                // given
                var request = Requests.postJson(processor.uri("/v1/charges"), Json.object());

                // when
                Outcome outcome = http.exchange(request, ConnectorHttpTest::readCharge);

                // then
                assertThat(outcome).isInstanceOfSatisfying(Outcome.Unknown.class,
                        unknown -> assertThat(unknown.cause()).contains("may have been sent"));
                assertThat(processor.received()).hasSize(1);
            }
        }

        @Test
        void sendGivesTheFailureOnTheLeftAndAnyAnswerOnTheRight() throws IOException {
            try (LocalServer processor = LocalServer.answering(LocalServer.json(500, "{\"error\":\"boom\"}"))) {
                // given
                var request = Requests.get(processor.uri("/v1/charges/ch_9"));

                // when
                var result = http.send(request);

                // then
                assertThat(result.isRight()).isTrue();
                assertThat(result.get().status()).isEqualTo(500);
                assertThat(result.get().body()).isEqualTo("{\"error\":\"boom\"}");
                assertThat(result.get().toString()).doesNotContain("boom");
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
