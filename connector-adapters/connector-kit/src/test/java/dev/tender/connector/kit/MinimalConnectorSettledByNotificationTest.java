package dev.tender.connector.kit;

/**
 * The kit in its notification mode against the minimal connector behind a processor that acknowledges
 * refunds and settles by notification: the same tests pass as against the minimal connector itself.
 */
class MinimalConnectorSettledByNotificationTest extends MinimalConnectorConformanceTest {

    AcknowledgingConnector.Flaw flaw() {
        return AcknowledgingConnector.Flaw.NONE;
    }

    @Override
    MinimalConnector minimal(MinimalConnector.Defect defect) {
        return new AcknowledgingConnector(defect, flaw());
    }

    @Override
    protected Settlement settlement() {
        AcknowledgingConnector acknowledging = (AcknowledgingConnector) connector();
        return Settlement.byNotification(acknowledging::notificationAbout);
    }
}
