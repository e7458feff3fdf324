package dev.tender.connector.kit;

import dev.tender.domain.payment.Outcome;
import dev.tender.ports.out.CallContext;
import dev.tender.ports.out.Connector;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.WebhookSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The step between a call's answer and the outcome a case checks, as the {@link Settlement} says. */
@FunctionalInterface
interface Settle {

    Outcome settle(String operation, CallContext call, Outcome answer);

    static Settle of(Settlement settlement, Connector connector, ConnectorAccount account) {
        return switch (settlement) {
            case Settlement.Immediate immediate -> (operation, call, answer) -> answer;
            case Settlement.ByNotification byNotification -> {
                assertThat(connector).as("%s settles by notification, so it must be a WebhookSource that reads them",
                        connector.name()).isInstanceOf(WebhookSource.class);
                yield new SettledByNotification(byNotification.notifications(), (WebhookSource) connector, account);
            }
        };
    }
}
