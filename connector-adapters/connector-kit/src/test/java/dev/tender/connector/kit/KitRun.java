package dev.tender.connector.kit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.List;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a conformance suite through the JUnit Platform testkit, and reads which tests failed and why. */
final class KitRun {

    private KitRun() {
    }

    static Events run(Class<?> suite) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute().testEvents();
    }

    static List<String> failedTests(Events tests) {
        return tests.failed().stream().map(event -> event.getTestDescriptor().getDisplayName()).toList();
    }

    static List<String> failures(Events tests) {
        return tests.failed().stream().map(KitRun::failureOf).toList();
    }

    private static String failureOf(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }
}
