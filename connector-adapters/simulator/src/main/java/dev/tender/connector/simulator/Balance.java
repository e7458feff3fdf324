package dev.tender.connector.simulator;

import dev.tender.domain.money.Money;

/**
 * What really moved on one payment at the simulated processor, succeeded entries only. {@code authorized}
 * includes increments; {@code voided} is the authorization released, by a void or by the last capture
 * (manual, final, or all captured) leaving a remainder; {@code reversed} the
 * capture cancelled before settlement.
 */
public record Balance(String connectorTransactionId, Money authorized, Money captured, Money refunded,
                      Money voided, Money reversed) {
}
