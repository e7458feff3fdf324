package dev.tender.connector.kit;

import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.DeclineCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a failure could have let the request reach the processor decides between technical error and unknown. */
class TransportFailuresTest {

    /** What an exception message may carry: a URL with a key in its query. */
    private static final String LEAK = "https://api.processor.example/v1/charges?key=sk_live_secret";

    static Stream<Throwable> neverSent() {
        return Stream.of(new HttpConnectTimeoutException(LEAK), new ConnectException(LEAK),
                new UnknownHostException(LEAK), new UnresolvedAddressException(), new SSLHandshakeException(LEAK));
    }

    static Stream<Throwable> maybeSent() {
        return Stream.of(new HttpTimeoutException(LEAK), new IOException(LEAK), new SSLException(LEAK),
                new InterruptedException(LEAK), new IllegalStateException(LEAK));
    }

    @ParameterizedTest
    @MethodSource("neverSent")
    void aFailureBeforeConnectingIsATechnicalError(Throwable failure) {
        // given a failure that happens before the request can leave

        // when
        Outcome outcome = TransportFailures.outcomeOf(failure);

        // then
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Declined.class,
                declined -> assertThat(declined.code()).isEqualTo(DeclineCodes.TECHNICAL_ERROR));
    }

    @ParameterizedTest
    @MethodSource("maybeSent")
    void aFailureAfterConnectingIsUnknown(Throwable failure) {
        // given a failure that may come after the processor received the request

        // when
        Outcome outcome = TransportFailures.outcomeOf(failure);

        // then
        assertThat(outcome).isInstanceOf(Outcome.Unknown.class);
    }

    @ParameterizedTest
    @MethodSource({"neverSent", "maybeSent"})
    void theOutcomeNeverQuotesTheExceptionsMessage(Throwable failure) {
        // given an exception whose message holds a URL with a key

        // when
        Outcome outcome = TransportFailures.outcomeOf(failure);

        // then
        assertThat(outcome.toString()).doesNotContain("sk_live_secret", "api.processor.example");
    }
}
