package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.HeldCards;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Held cards in this process's memory (never written anywhere), one per payment. Thread-safe. */
public final class InMemoryHeldCards implements HeldCards {

    private record Held(PaymentMethodData.Card card, Instant until) {
    }

    private final ConcurrentMap<Tuple2<MerchantId, PaymentId>, Held> cards = new ConcurrentHashMap<>();

    @Override
    public void hold(MerchantId merchantId, PaymentId paymentId, PaymentMethodData.Card card, Instant heldUntil) {
        cards.put(Tuple.of(merchantId, paymentId), new Held(card, heldUntil));
    }

    @Override
    public Option<PaymentMethodData.Card> find(MerchantId merchantId, PaymentId paymentId, Instant now) {
        Tuple2<MerchantId, PaymentId> key = Tuple.of(merchantId, paymentId);
        Held held = cards.get(key);
        if (held != null && !now.isBefore(held.until())) {
            cards.remove(key, held);
            return Option.none();
        }
        return Option.of(held).map(Held::card);
    }

    @Override
    public void discard(MerchantId merchantId, PaymentId paymentId) {
        cards.remove(Tuple.of(merchantId, paymentId));
    }

    @Override
    public int purge(Instant now) {
        int[] purged = {0};
        cards.values().removeIf(held -> {
            boolean ended = !now.isBefore(held.until());
            purged[0] += ended ? 1 : 0;
            return ended;
        });
        return purged[0];
    }

    /** How many cards are held, ended holds not yet purged included. */
    public int size() {
        return cards.size();
    }
}
