package dev.tender.application;

import dev.tender.domain.payment.Payment;
import dev.tender.ports.out.HeldCards;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * When a payment's card is held and let go: held when a card comes without a confirm (create or update; a
 * new card replaces it), used by the confirm that brings none, and forgotten once that confirm is begun,
 * whatever its outcome, at a cancel, or when {@code ttl} is over (15 minutes by default, as Hyperswitch).
 */
final class CardHolds {

    private final HeldCards cards;
    private final Duration ttl;
    private final Clock clock;

    CardHolds(HeldCards cards, Duration ttl, Clock clock) {
        this.cards = Objects.requireNonNull(cards, "heldCards");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = clock;
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the card hold TTL must not be negative: " + ttl);
        }
    }

    /** Keeps a card that came without a confirm; any other method given replaces the held card, so it goes. */
    void keep(Payment payment, Option<PaymentMethodData> given) {
        if (given.isEmpty()) {
            return;
        }
        if (given.get() instanceof PaymentMethodData.Card card) {
            if (ttl.isZero()) {
                return; // a hold that ends as it begins: nothing kept
            }
            cards.hold(payment.merchantId(), payment.id(), card, clock.now().plus(ttl));
        } else {
            release(payment);
        }
    }

    /** The card held for the payment, if its hold is still on. */
    Option<PaymentMethodData> held(Payment payment) {
        return cards.find(payment.merchantId(), payment.id(), clock.now()).map(card -> card);
    }

    void release(Payment payment) {
        cards.discard(payment.merchantId(), payment.id());
    }

    int purge() {
        return cards.purge(clock.now());
    }
}
