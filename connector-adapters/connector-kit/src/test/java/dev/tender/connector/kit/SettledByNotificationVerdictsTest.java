package dev.tender.connector.kit;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import static dev.tender.connector.kit.ConformanceKitVerdictsTest.BASIC_TESTS;
import static dev.tender.connector.kit.ConformanceKitVerdictsTest.CAPABILITY_TESTS;
import static dev.tender.connector.kit.KitRun.failedTests;
import static dev.tender.connector.kit.KitRun.failures;
import static dev.tender.connector.kit.KitRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The kit's notification mode against connectors and processors that each break one of its rules. */
class SettledByNotificationVerdictsTest {

    private static final String PARTIAL_REFUNDS = "aPartialRefundThenTheRestAreBothApproved()";
    private static final String REFUND_BEYOND = "aRefundBeyondWhatIsLeftIsDeclined()";
    private static final String REFUND_TWICE = "theSameIdempotencyKeyTwiceRefundsOnce()";
    private static final String SYNC_OF_A_REFUND = "syncOfARefundAnswersTheSameApproval()";
    private static final String SYNC_OF_AN_APPROVAL = "syncOfAnApprovedAuthorizationAnswersTheSameApproval()";
    private static final String SYNC_OF_A_DECLINE = "syncOfADeclinedAuthorizationAnswersTheSameDecline()";

    @Test
    void aSoundConnectorPassesTheSameTestsAsOneWhoseProcessorAnswersAtOnce() {
        // given
        Class<?> suite = Sound.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(tests.failed().count()).as("failed: %s", failures(tests)).isZero();
        assertThat(tests.aborted().count()).as("skipped capability tests").isEqualTo(CAPABILITY_TESTS);
        assertThat(tests.succeeded().count()).as("basics and not_supported checks").isEqualTo(BASIC_TESTS);
    }

    @Test
    void aConnectorThatApprovesWhatTheProcessorOnlyAcknowledgedFails() {
        // given
        Class<?> suite = ApprovesAcknowledgements.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(failedTests(tests)).containsExactlyInAnyOrder(PARTIAL_REFUNDS, REFUND_BEYOND, REFUND_TWICE,
                SYNC_OF_A_REFUND);
        assertThat(failures(tests)).allSatisfy(message -> assertThat(message).contains("never a guessed Approved"));
    }

    @Test
    void aPendingCallThatNoNotificationSettlesFails() {
        // given
        Class<?> suite = NeverNotifies.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(failedTests(tests)).containsExactlyInAnyOrder(PARTIAL_REFUNDS, REFUND_BEYOND, REFUND_TWICE,
                SYNC_OF_A_REFUND, SYNC_OF_AN_APPROVAL, SYNC_OF_A_DECLINE);
        assertThat(failures(tests)).filteredOn(message -> message.contains("refund answered Pending"))
                .as("the refunds' failures").hasSize(4)
                .allSatisfy(message -> assertThat(message).contains("nothing would ever settle it"));
    }

    @Test
    void aNotificationThatSettlesACallTwiceFails() {
        // given
        Class<?> suite = NotifiesTwice.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(failedTests(tests)).containsExactlyInAnyOrder(PARTIAL_REFUNDS, REFUND_BEYOND, REFUND_TWICE,
                SYNC_OF_A_REFUND, SYNC_OF_AN_APPROVAL, SYNC_OF_A_DECLINE);
        assertThat(failures(tests)).allSatisfy(message -> assertThat(message).contains("once, with one event"));
    }

    @Test
    void aNotificationReadAsANewEventEachTimeFailsWhereACallIsSettledAgain() {
        // given
        Class<?> suite = UnstableEventIds.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(failedTests(tests)).containsExactlyInAnyOrder(REFUND_TWICE, SYNC_OF_A_REFUND);
        assertThat(failures(tests)).allSatisfy(message -> assertThat(message).contains("so it settles once"));
    }

    @Test
    void aConnectorThatRefusesItsProcessorsNotificationsFails() {
        // given
        Class<?> suite = RefusesNotifications.class;

        // when
        Events tests = run(suite);

        // then
        assertThat(failedTests(tests)).containsExactlyInAnyOrder(PARTIAL_REFUNDS, REFUND_BEYOND, REFUND_TWICE,
                SYNC_OF_A_REFUND, SYNC_OF_AN_APPROVAL, SYNC_OF_A_DECLINE);
        assertThat(failures(tests)).allSatisfy(message -> assertThat(message)
                .contains("refused the processor's notification").contains("signature does not verify"));
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
