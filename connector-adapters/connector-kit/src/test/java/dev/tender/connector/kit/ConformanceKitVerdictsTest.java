package dev.tender.connector.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.Events;

import static dev.tender.connector.kit.KitRun.failedTests;
import static dev.tender.connector.kit.KitRun.failures;
import static dev.tender.connector.kit.KitRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The kit run against connectors that each break one rule: it must fail exactly where the rule is. */
class ConformanceKitVerdictsTest {

    /** Tests of the capabilities the minimal connector does not declare. */
    private static final int CAPABILITY_TESTS = 7 + 1 + 2 + 1 + 1 + 2 + 2;

    /**
     * The name and authorization window, authorize, refund and sync tests, and the not_supported check of each
     * undeclared capability.
     */
    private static final int BASIC_TESTS = 2 + 3 + 4 + 4 + 7;

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {Sound.class, SettledByNotificationVerdictsTest.Sound.class})
    void aSoundConnectorPassesAndItsUndeclaredCapabilitiesAreSkippedNotPassed(Class<?> suite) {
        // given a sound connector whose processor answers at once, and one whose processor settles by notification

        // when
        Events tests = run(suite);

        // then
        assertThat(tests.failed().count()).as("failed: %s", failures(tests)).isZero();
        assertThat(tests.aborted().count()).as("skipped capability tests").isEqualTo(CAPABILITY_TESTS);
        assertThat(tests.succeeded().count()).as("basics and not_supported checks").isEqualTo(BASIC_TESTS);
    }

    @Test
    void aConnectorThatThrowsFailsWithTheRuleItBroke() {
        // given
        Class<?> suite = ThrowsOnRefund.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(failures(tests)).isNotEmpty()
                .allSatisfy(message -> assertThat(message).contains("refund threw").contains("never throws"));
    }

    @Test
    void aConnectorThatMovesMoneyTwiceForOneKeyFails() {
        // given
        Class<?> suite = MovesMoneyTwice.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(failedTests(tests)).containsExactly("theSameIdempotencyKeyTwiceAuthorizesOnce()");
        assertThat(failures(tests)).singleElement().asString().contains("authorized once");
    }

    @Test
    void aConnectorThatAnswersItsProcessorsCodesFails() {
        // given
        Class<?> suite = AnswersProcessorCodes.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(failedTests(tests)).containsExactlyInAnyOrder("aDecliningMethodIsDeclinedWithTheUnifiedCode()",
                "syncOfADeclinedAuthorizationAnswersTheSameDecline()");
        assertThat(failures(tests)).allSatisfy(message -> assertThat(message).contains("do_not_honor"));
    }

    @Test
    void aConnectorThatDeclaresACapabilityItDoesNotHaveFails() {
        // given
        Class<?> suite = ClaimsReverse.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(failedTests(tests)).containsExactly("aReverseCancelsTheCaptureBeforeSettlement()");
    }

    static class Sound extends MinimalConnectorConformanceTest {
    }

    static class ThrowsOnRefund extends MinimalConnectorConformanceTest {
        @Override
        MinimalConnector.Defect defect() {
            return MinimalConnector.Defect.THROWS_ON_REFUND;
        }
    }

    static class MovesMoneyTwice extends MinimalConnectorConformanceTest {
        @Override
        MinimalConnector.Defect defect() {
            return MinimalConnector.Defect.MOVES_MONEY_TWICE;
        }
    }

    static class AnswersProcessorCodes extends MinimalConnectorConformanceTest {
        @Override
        MinimalConnector.Defect defect() {
            return MinimalConnector.Defect.ANSWERS_PROCESSOR_CODES;
        }
    }

    static class ClaimsReverse extends MinimalConnectorConformanceTest {
        @Override
        MinimalConnector.Defect defect() {
            return MinimalConnector.Defect.CLAIMS_REVERSE;
        }
    }
}
