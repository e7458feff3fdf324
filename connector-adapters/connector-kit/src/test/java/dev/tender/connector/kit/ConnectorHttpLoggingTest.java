package dev.tender.connector.kit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link ConnectorHttp} logs, at every level: where and how it went, never a secret or a card number. */
class ConnectorHttpLoggingTest {

    private static final String CARD = "4242424242424242";

    private final Logger logger = Logger.getLogger(ConnectorHttp.class.getName());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;

    @BeforeEach
    void captureEverything() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        logger.removeHandler(capture);
        logger.setLevel(levelBefore);
    }

    @Test
    void anExchangeAndAFailureAreLoggedWithoutSecretsQueriesBodiesOrCardNumbers() throws IOException {
        // generous: a loaded machine must not turn the answered exchange into a timeout
        ConnectorHttp http = ConnectorHttp.create(Duration.ofSeconds(5), Duration.ofSeconds(5));
        try (LocalServer processor = LocalServer.answering(LocalServer.json(200, "{\"id\":\"ch_1\",\"card\":\"" + CARD
                + "\"}"))) {
            // given
            var answered = Requests.postJson(processor.uri("/v1/cards/" + CARD + "/charges?api_key=" + Fixtures.SECRET),
                    Json.object().put("number", CARD)).header("Authorization", Requests.bearer(Fixtures.SECRET));
            var refused = Requests.postJson(URI.create("http://127.0.0.1:" + closedPort() + "/v1/charges?api_key="
                    + Fixtures.SECRET), Json.object().put("number", CARD));

            // when
            http.exchange(answered, answer -> {
                throw new IllegalStateException("cannot read " + answer.body());
            });
            http.exchange(refused, answer -> null);

            // then
            assertThat(lines).hasSize(3);
            assertThat(String.join("\n", lines))
                    .contains("POST http://", "/v1/cards/************4242/charges -> 200", "unreadable answer, HTTP 200",
                            "/v1/charges failed")
                    .doesNotContain(Fixtures.SECRET, CARD, "api_key", "Authorization", "ch_1");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
