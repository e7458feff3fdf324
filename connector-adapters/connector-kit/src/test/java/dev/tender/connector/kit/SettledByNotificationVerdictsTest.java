package dev.tender.connector.kit;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.Events;

import java.util.List;
import java.util.stream.Stream;

import static dev.tender.connector.kit.KitRun.failedTests;
import static dev.tender.connector.kit.KitRun.failures;
import static dev.tender.connector.kit.KitRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The kit's notification mode against connectors and processors that each break one of its rules: it
 * fails exactly the tests that meet the broken rule, saying which. A sound one passes what a connector
 * whose processor answers at once passes ({@link ConformanceKitVerdictsTest}).
 */
class SettledByNotificationVerdictsTest {

    private static final String PARTIAL_REFUNDS = "aPartialRefundThenTheRestAreBothApproved()";
    private static final String REFUND_BEYOND = "aRefundBeyondWhatIsLeftIsDeclined()";
    private static final String REFUND_TWICE = "theSameIdempotencyKeyTwiceRefundsOnce()";
    private static final String SYNC_OF_A_REFUND = "syncOfARefundAnswersTheSameApproval()";
    private static final String SYNC_OF_AN_APPROVAL = "syncOfAnApprovedAuthorizationAnswersTheSameApproval()";
    private static final String SYNC_OF_A_DECLINE = "syncOfADeclinedAuthorizationAnswersTheSameDecline()";
    private static final List<String> REFUNDS = List.of(PARTIAL_REFUNDS, REFUND_BEYOND, REFUND_TWICE, SYNC_OF_A_REFUND);
    private static final List<String> EVERY_SETTLED_TEST = List.of(PARTIAL_REFUNDS, REFUND_BEYOND, REFUND_TWICE,
            SYNC_OF_A_REFUND, SYNC_OF_AN_APPROVAL, SYNC_OF_A_DECLINE);

    static Stream<Arguments> flaws() {
        return Stream.of(
                arguments(ApprovesAcknowledgements.class, REFUNDS, "never a guessed Approved"),
                arguments(NotifiesTwice.class, EVERY_SETTLED_TEST, "once, with one event"),
                arguments(UnstableEventIds.class, List.of(REFUND_TWICE, SYNC_OF_A_REFUND), "so it settles once"),
                arguments(RefusesNotifications.class, EVERY_SETTLED_TEST, "refused the processor's notification"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flaws")
    void aFlawFailsExactlyTheTestsThatMeetItsRule(Class<?> suite, List<String> failing, String rule) {
        // given a suite with one flaw

        // when
        Events tests = run(suite);

        // then
        assertThat(failedTests(tests)).containsExactlyInAnyOrderElementsOf(failing);
        assertThat(failures(tests)).allSatisfy(message -> assertThat(message).contains(rule));
    }

    @Test
    void aPendingCallThatNoNotificationSettlesFails() {
        // given
        Class<?> suite = NeverNotifies.class;

        // when
        Events tests = run(suite);

        // then the refunds stay Pending, and the syncs Unknown, which is not what an answering processor says
        assertThat(failedTests(tests)).containsExactlyInAnyOrderElementsOf(EVERY_SETTLED_TEST);
        assertThat(failures(tests)).filteredOn(message -> message.contains("refund answered Pending"))
                .as("the refunds' failures").hasSize(REFUNDS.size())
                .allSatisfy(message -> assertThat(message).contains("nothing would ever settle it"));
    }

    @Test
    void aConnectorThatReadsNoNotificationsCannotSettleByNotification() {
        // given
        Class<?> suite = NotAWebhookSource.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(tests.succeeded().count()).as("passed").isZero();
        assertThat(failures(tests)).isNotEmpty()
                .allSatisfy(message -> assertThat(message).contains("must be a WebhookSource"));
    }

    static class Sound extends MinimalConnectorSettledByNotificationTest {
    }

    static class ApprovesAcknowledgements extends MinimalConnectorSettledByNotificationTest {
        @Override
        AcknowledgingConnector.Flaw flaw() {
            return AcknowledgingConnector.Flaw.APPROVES_ACKNOWLEDGEMENTS;
        }
    }

    static class NeverNotifies extends MinimalConnectorSettledByNotificationTest {
        @Override
        AcknowledgingConnector.Flaw flaw() {
            return AcknowledgingConnector.Flaw.NEVER_NOTIFIES;
        }
    }

    static class NotifiesTwice extends MinimalConnectorSettledByNotificationTest {
        @Override
        AcknowledgingConnector.Flaw flaw() {
            return AcknowledgingConnector.Flaw.NOTIFIES_TWICE;
        }
    }

    static class UnstableEventIds extends MinimalConnectorSettledByNotificationTest {
        @Override
        AcknowledgingConnector.Flaw flaw() {
            return AcknowledgingConnector.Flaw.UNSTABLE_EVENT_IDS;
        }
    }

    static class RefusesNotifications extends MinimalConnectorSettledByNotificationTest {
        @Override
        AcknowledgingConnector.Flaw flaw() {
            return AcknowledgingConnector.Flaw.REFUSES_NOTIFICATIONS;
        }
    }

    /** The minimal connector reads no notifications, yet says its processor settles by them. */
    static class NotAWebhookSource extends MinimalConnectorConformanceTest {
        @Override
        protected Settlement settlement() {
            return Settlement.byNotification(call -> Option.none());
        }
    }
}
