package dev.tender.app.connectors;

import dev.tender.app.metrics.MeteredConnector;
import dev.tender.connector.simulator.SimulatorConnector;
import dev.tender.ports.out.Connector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's wrappers declare what the wrapped connector declares. The bounding wrapper once answered the
 * interface's default authorization window (7 days) for every connector, so Adyen's 28 days never reached
 * a payment.
 */
class DecoratedConnectorTest {

    private final Connector adyenLike = SimulatorConnector.builder().name("adyen_like")
            .authorizationWindow(Duration.ofDays(28)).build();

    @Test
    void aBoundedConnectorDeclaresTheWrappedConnectorsWindowNameAndCapabilities() {
        // when
        Connector bounded = new BoundedConnector(adyenLike);

        // then
        assertThat(bounded.authorizationWindow()).isEqualTo(Duration.ofDays(28));
        assertThat(bounded.name()).isEqualTo("adyen_like");
        assertThat(bounded.capabilities()).isEqualTo(adyenLike.capabilities());
    }

    @Test
    void aMeteredThenBoundedConnectorAsTheServiceWiresItDeclaresTheSameWindow() {
        // when
        Connector wired = new BoundedConnector(new MeteredConnector(adyenLike, new SimpleMeterRegistry()));

        // then
        assertThat(wired.authorizationWindow()).isEqualTo(Duration.ofDays(28));
    }
}
