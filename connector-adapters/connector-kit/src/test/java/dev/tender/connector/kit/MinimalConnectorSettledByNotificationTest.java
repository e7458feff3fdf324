package dev.tender.connector.kit;

import dev.tender.ports.out.Connector;

/**
 * The kit in its notification mode against the minimal connector behind a processor that acknowledges
 * refunds and settles by notification: the same tests pass as against the minimal connector itself.
 */
class MinimalConnectorSettledByNotificationTest extends MinimalConnectorConformanceTest {

    private final AcknowledgingConnector acknowledging = new AcknowledgingConnector(minimal(), flaw());

    AcknowledgingConnector.Flaw flaw() {
        return AcknowledgingConnector.Flaw.NONE;
    }

    @Override
    protected Connector connector() {
        return acknowledging;
    }

    @Override
    protected Settlement settlement() {
        return Settlement.byNotification(acknowledging::notificationAbout);
    }
}
