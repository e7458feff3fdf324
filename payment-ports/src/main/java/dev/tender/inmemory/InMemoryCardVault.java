package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.CardFingerprints;
import dev.tender.ports.out.CardVault;
import dev.tender.ports.out.IdGenerator;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.RevealedCard;
import dev.tender.ports.out.TimeSource;
import dev.tender.ports.out.VaultedCard;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Saved cards in this process's memory (never written anywhere), with the vault's behaviour: tokens per merchant,
 * the same number found again by its keyed fingerprint. Thread-safe.
 */
public final class InMemoryCardVault implements CardVault {

    private static final int SECRET_BYTES = 32;

    private record Saved(VaultedCard card, String number) {
    }

    private final ConcurrentMap<Tuple2<MerchantId, String>, Saved> byToken = new ConcurrentHashMap<>();
    private final ConcurrentMap<Tuple2<MerchantId, String>, String> tokenByFingerprint = new ConcurrentHashMap<>();
    private final CardFingerprints fingerprints;
    private final IdGenerator ids;
    private final TimeSource time;

    /** With a fingerprint secret of its own, drawn at random. */
    public InMemoryCardVault(IdGenerator ids, TimeSource time) {
        this(ids, time, randomSecret());
    }

    public InMemoryCardVault(IdGenerator ids, TimeSource time, byte[] fingerprintSecret) {
        this.fingerprints = new CardFingerprints(fingerprintSecret);
        this.ids = ids;
        this.time = time;
    }

    @Override
    public VaultedCard store(MerchantId merchantId, String customerId, PaymentMethodData.Card card) {
        String fingerprint = fingerprints.of(merchantId, card.number());
        String token = tokenByFingerprint.computeIfAbsent(Tuple.of(merchantId, fingerprint), key -> {
            String created = ids.next("pm");
            byToken.put(Tuple.of(merchantId, created), new Saved(VaultedCard.of(created, merchantId, customerId, card,
                    fingerprint, time.now()), card.number()));
            return created;
        });
        return byToken.get(Tuple.of(merchantId, token)).card();
    }

    @Override
    public Option<VaultedCard> find(MerchantId merchantId, String token) {
        return saved(merchantId, token).map(Saved::card);
    }

    @Override
    public Option<RevealedCard> reveal(MerchantId merchantId, String token) {
        return saved(merchantId, token).map(saved -> new RevealedCard(saved.number(), saved.card().expiryMonth(),
                saved.card().expiryYear(), saved.card().holderName()));
    }

    @Override
    public boolean delete(MerchantId merchantId, String token) {
        Saved removed = byToken.remove(Tuple.of(merchantId, token));
        if (removed == null) {
            return false;
        }
        tokenByFingerprint.remove(Tuple.of(merchantId, removed.card().fingerprint()), token);
        return true;
    }

    @Override
    public List<VaultedCard> forCustomer(MerchantId merchantId, String customerId) {
        return List.ofAll(byToken.values()).map(Saved::card)
                .filter(card -> card.merchantId().equals(merchantId) && card.customerId().equals(customerId))
                .sorted(Comparator.comparing(VaultedCard::createdAt).thenComparing(VaultedCard::token));
    }

    private Option<Saved> saved(MerchantId merchantId, String token) {
        return Option.of(byToken.get(Tuple.of(merchantId, token)));
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
