package dev.tender.domain.payment;

import dev.tender.domain.money.Money;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A request, made with a payment ({@code setup_future_usage: off_session}), to keep the payment method
 * for merchant-initiated charges. {@code amountLimit} caps each later charge.
 */
public record MandateSetup(MandateType type, Option<Money> amountLimit, CustomerAcceptance acceptance) {
    public MandateSetup {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amountLimit, "amountLimit");
        Objects.requireNonNull(acceptance, "acceptance");
    }
}
