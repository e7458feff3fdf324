package dev.tender.app.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> usual = new ArrayList<>();
    private Level rootLevel;
    private Level tenderLevel;

    @BeforeAll
    void captureEverything() {
        Logger root = root();
        rootLevel = root.getLevel();
        root.iteratorForAppenders().forEachRemaining(usual::add);
        usual.forEach(root::detachAppender); // DEBUG goes to the capture only, not to the build's output
        captured.setContext(root.getLoggerContext());
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        tenderLevel = tender().getLevel();
        tender().setLevel(Level.DEBUG);
    }

    @AfterAll
    void restore() {
        Logger root = root();
        root.detachAppender(captured);
        usual.forEach(root::addAppender);
        root.setLevel(rootLevel);
        tender().setLevel(tenderLevel);
    }

    @Test
    void noRequestPutsTheCardNumberInTheLog() {
        // given
        String key = merchant("m_log");

        // when: card numbers travel through successes, declines, challenges, refusals and a failure
        String id = (String) confirmedPayment(key, 1000, "manual").get("payment_id");
        ok(post(key, "/payments/" + id + "/capture", "{}"));
        ok(post(key, "/refunds", "{\"payment_id\":\"" + id + "\",\"amount\":100}"));
        ok(post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\"," + card(MASTERCARD) + "}"));
        ok(post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"confirm\":true," + card(DECLINED) + "}"));
        ok(post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"confirm\":true," + card(THREE_DS) + "}"));
        List<Answer> refused = List.of(
                post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\"," + card(VISA) + ",\"unknown\":1}"),
                post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"payment_method_data\":{\"card\":"
                        + "{\"card_number\":" + VISA + "}}}"),
                post(key, "/payments", "{\"amount\":1,\"currency\":\"USD\",\"card\":" + VISA + "x}"),
                post(key, "/payments", "{\"amount\":-1,\"currency\":\"USD\"," + card(VISA) + "}"),
                post(key, "/payments/" + id + "/confirm", "{" + card(VISA) + "}"),
                post(key, "/payments/pay_none/confirm", "{" + card(VISA) + "}"),
                post(key, "/test-fixture/boom", "{" + card(VISA) + "}", "boom-" + id),
                get(key, "/test-fixture/boom"));

        // then
        assertThat(refused).extracting(Answer::status).allSatisfy(status -> assertThat(status).isBetween(400, 599));
        List<ILoggingEvent> events;
        synchronized (captured) { // the appender appends under its own lock; background jobs log meanwhile
            events = new java.util.ArrayList<>(captured.list);
        }
        String log = events.stream().map(CardNumberNeverLoggedTest::text).collect(Collectors.joining("\n"));
        assertThat(log).as("the unexpected failures were logged").contains("Unexpected failure");
        assertThat(log).doesNotContain(VISA).doesNotContain(MASTERCARD).doesNotContain(DECLINED)
                .doesNotContain(THREE_DS).doesNotContain(FailingTestController.SECRET);
    }

    /** An event as an appender would write it: the message and, if any, the whole exception chain. */
    private static String text(ILoggingEvent event) {
        String message = event.getLoggerName() + " " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? message
                : message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    private static Logger tender() {
        return root().getLoggerContext().getLogger("dev.tender");
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
