package dev.tender.client;

import dev.tender.domain.payment.Outcome;

import java.util.function.Supplier;

/** A connector's answer, made safe to map: a broken promise of the SPI becomes an unknown, never a guess. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * The connector's outcome. The SPI says a connector never throws and always answers; one that
     * does throw may have sent the call before failing, so the honest answer is unknown.
     */
    static Outcome call(Supplier<Outcome> connectorCall) {
        try {
            Outcome outcome = connectorCall.get();
            return outcome != null ? outcome : new Outcome.Unknown("the connector returned no outcome");
        } catch (RuntimeException broken) {
            return new Outcome.Unknown("the connector failed: " + broken);
        }
    }

    /** The SPI allows requires-action only for an authorization; anywhere else the state is unclear. */
    static String unexpectedAction(String operation) {
        return "the connector answered the " + operation
                + " with requires_action, which only an authorization may; check the state with get";
    }
}
