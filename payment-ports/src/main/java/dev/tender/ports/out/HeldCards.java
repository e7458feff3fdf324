package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * The card of a payment created (or updated) with a card and not confirmed, kept until the confirm that sends
 * it, as Hyperswitch keeps it: the whole card, number and CVC included, so an adapter that stores it must
 * store it encrypted, and never log it. A hold ends at its {@code heldUntil}, at the confirm, or at the
 * cancel; what ended is never returned again.
 */
public interface HeldCards {

    /** Keeps the card for the payment until {@code heldUntil}, replacing any card held for it. */
    void hold(MerchantId merchantId, PaymentId paymentId, PaymentMethodData.Card card, Instant heldUntil);

    /**
     * The card held for the payment, if its hold has not ended by {@code now}; none too when it cannot be read
     * (an adapter that cannot decrypt it fails closed: the caller is asked for the card again).
     */
    Option<PaymentMethodData.Card> find(MerchantId merchantId, PaymentId paymentId, Instant now);

    /** Forgets the card held for the payment, if any. */
    void discard(MerchantId merchantId, PaymentId paymentId);

    /** Forgets every card whose hold ended by {@code now}; returns how many. Safe to run from several places. */
    int purge(Instant now);

    /** Holds nothing: a confirm must then carry the card, as before cards were held. */
    static HeldCards none() {
        return new HeldCards() {
            @Override
            public void hold(MerchantId merchantId, PaymentId paymentId, PaymentMethodData.Card card,
                             Instant heldUntil) {
            }

            @Override
            public Option<PaymentMethodData.Card> find(MerchantId merchantId, PaymentId paymentId, Instant now) {
                return Option.none();
            }

            @Override
            public void discard(MerchantId merchantId, PaymentId paymentId) {
            }

            @Override
            public int purge(Instant now) {
                return 0;
            }
        };
    }
}
