package dev.tender.app.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A merchant's webhook password and hash key never reach the log, at DEBUG, whatever the request does. */
@MicronautTest(transactional = false)
class WebhookSecretsNeverLoggedTest extends ApiTestSupport {

    private static final String PASSWORD = "pw_LOGGED_NEVER_5521";
    private static final String HASH_KEY = "hk_LOGGED_NEVER_9034";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> usual = new ArrayList<>();
    private Level rootLevel;
    private Level tenderLevel;

    @BeforeAll
    void captureEverything() {
        Logger root = root();
        rootLevel = root.getLevel();
        root.iteratorForAppenders().forEachRemaining(usual::add);
        usual.forEach(root::detachAppender);
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
    void noRequestPutsAWebhookSecretInTheLog() {
        // given
        String id = "m_hook_log_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String secrets = "\"payment_response_hash_key\":\"" + HASH_KEY + "\","
                + "\"webhook_details\":{\"webhook_password\":\"" + PASSWORD + "\",";

        // when: the secrets are set, changed, refused and read
        ok(admin("/accounts", "{\"merchant_id\":\"" + id + "\"," + secrets
                + "\"webhook_url\":\"http://127.0.0.1:9/hook\"}}"));
        ok(admin("/accounts/" + id, "{\"merchant_id\":\"" + id + "\"," + secrets
                + "\"webhook_url\":\"http://127.0.0.1:9/other\"}}"));
        error(admin("/accounts/" + id, "{\"merchant_id\":\"" + id + "\"," + secrets
                + "\"webhook_url\":\"http://nowhere.invalid/\"}}"), 400);
        error(admin("/accounts", "{\"merchant_id\":\"" + id + "_x\"," + secrets
                + "\"webhook_url\":\"https://u:" + PASSWORD + "@127.0.0.1/\",\"unknown\":1}}"), 400);
        assertThat(merchants.webhookTarget(MerchantId.of(id))).isPresent();

        // then
        List<ILoggingEvent> events;
        synchronized (captured) { // the appender appends under its own lock; background jobs log meanwhile
            events = new ArrayList<>(captured.list);
        }
        String log = events.stream().map(WebhookSecretsNeverLoggedTest::text).collect(Collectors.joining("\n"));
        assertThat(events).as("the requests were logged at DEBUG").isNotEmpty();
        assertThat(log).doesNotContain(PASSWORD).doesNotContain(HASH_KEY);
    }

    private Answer admin(String path, String body) {
        return send(HttpRequest.POST(path, body).contentType("application/json").header("api-key", ADMIN_KEY));
    }

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
