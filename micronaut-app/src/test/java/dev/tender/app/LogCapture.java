package dev.tender.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * TEST FIXTURE: everything the JVM logs (every logger), from DEBUG up, while it is open; the usual output is
 * paused meanwhile, so DEBUG goes to the capture only, not to the build's output.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger tender = (Logger) LoggerFactory.getLogger("dev.tender");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> usual = new ArrayList<>();
    private final Level rootLevel = root.getLevel();
    private final Level tenderLevel = tender.getLevel();

    private LogCapture() {
        root.iteratorForAppenders().forEachRemaining(usual::add);
        usual.forEach(root::detachAppender);
        captured.setContext(root.getLoggerContext());
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        tender.setLevel(Level.DEBUG);
    }

    public static LogCapture everything() {
        return new LogCapture();
    }

    /** Each event as an appender would write it: its logger, its message and its exception's whole text. */
    public List<String> lines() {
        List<ILoggingEvent> events;
        synchronized (captured) { // the appender appends under its own lock; background jobs log meanwhile
            events = new ArrayList<>(captured.list);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + (event.getThrowableProxy() == null
                    ? ""
                    : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(captured);
        usual.forEach(root::addAppender);
        root.setLevel(rootLevel);
        tender.setLevel(tenderLevel);
    }
}
