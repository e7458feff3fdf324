package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.inmemory.RandomIdGenerator;
import dev.tender.ports.out.CardVault;
import dev.tender.ports.out.IdGenerator;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.RevealedCard;
import dev.tender.ports.out.TimeSource;
import dev.tender.ports.out.UnreadableCard;
import dev.tender.ports.out.VaultedCard;
import io.micronaut.context.exceptions.ConfigurationException;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Saved cards in {@code vaulted_cards} (V13), envelope-encrypted ({@link VaultEnvelope}) under the
 * {@code tender.secrets} keys. Display data is read from clear columns, the holder name and the number only by
 * unwrapping the row's data key; a row that does not open throws {@link UnreadableCard} (fails closed).
 * {@link #rewrapAll()} moves every row's data key under the active master key: a bean method, not yet run at start
 * nor from an endpoint (whoever wires the vault in decides where).
 */
@Singleton
public final class JdbcCardVault implements CardVault {

    /** What one re-wrap run did: rows moved under the active key, rows that did not open (merchant/token). */
    public record Outcome(int rewrapped, Set<String> unreadable) {
    }

    static final int BATCH = 100;

    private final VaultedCardRows rows;
    private final VaultEnvelope envelope;
    private final TimeSource time;
    private final IdGenerator ids = new RandomIdGenerator();

    @Inject
    JdbcCardVault(VaultedCardRows rows, SecretKeys keys, TimeSource time) {
        this.rows = rows;
        this.envelope = new VaultEnvelope(keys);
        this.time = time;
    }

    @Override
    public VaultedCard store(MerchantId merchantId, String customerId, PaymentMethodData.Card card) {
        List<String> fingerprints = envelope.fingerprints(merchantId, card.number());
        Option<VaultedCardRow> saved = savedWith(merchantId, fingerprints);
        if (saved.isDefined()) {
            return display(saved.get());
        }
        String token = ids.next("pm");
        Instant createdAt = Sql.micros(time.now());
        byte[] dataKey = envelope.newDataKey();
        try {
            VaultEnvelope.Wrapped wrapped = envelope.wrap(dataKey, merchantId.value(), token);
            byte[] number = envelope.sealText(dataKey, card.number(), VaultEnvelope.NUMBER, merchantId.value(), token);
            byte[] holder = card.holderName().map(name -> envelope.sealText(dataKey, name, VaultEnvelope.HOLDER,
                    merchantId.value(), token)).getOrNull();
            VaultedCard vaulted = VaultedCard.of(token, merchantId, customerId, card, fingerprints.head(), createdAt);
            int inserted = rows.insertNew(merchantId.value(), token, customerId, vaulted.fingerprint(), vaulted.bin(),
                    vaulted.last4(), vaulted.expiryMonth(), vaulted.expiryYear(), vaulted.brand(), wrapped.keyId(),
                    wrapped.wrappedKey(), number, holder, createdAt);
            // 0: the same number was stored meanwhile (the unique fingerprint): that card is the merchant's
            return inserted == 1 ? vaulted : display(savedWith(merchantId, fingerprints).getOrElseThrow(() ->
                    new IllegalStateException("card " + token + " was neither inserted nor found by fingerprint")));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    @Override
    public Option<VaultedCard> find(MerchantId merchantId, String token) {
        return row(merchantId, token).map(this::display);
    }

    @Override
    public Option<RevealedCard> reveal(MerchantId merchantId, String token) {
        return row(merchantId, token).map(row -> {
            byte[] dataKey = dataKey(row);
            try {
                return new RevealedCard(open(row, dataKey, row.sealedNumber(), VaultEnvelope.NUMBER),
                        row.expiryMonth(), row.expiryYear(), holder(row, dataKey));
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        });
    }

    @Override
    public boolean delete(MerchantId merchantId, String token) {
        return rows.deleteById(new VaultedCardRow.Key(merchantId.value(), token)) > 0;
    }

    @Override
    public List<VaultedCard> forCustomer(MerchantId merchantId, String customerId) {
        return List.ofAll(rows.forCustomer(merchantId.value(), customerId)).map(this::display);
    }

    /**
     * Re-wraps the data key of every row not under the active master key (the numbers' ciphertexts stay as they
     * are) and moves its fingerprint under the active key, so the same card is still found once the old key is
     * removed. Rows under another configured key open until then. A row is rewritten only if it still holds what
     * was read; running it again changes nothing. A row that does not open is left as it is and reported.
     *
     * @throws ConfigurationException if rows are wrapped under a key id that is not configured
     */
    public Outcome rewrapAll() {
        Set<String> unknown = new TreeSet<>(rows.keyIds());
        unknown.removeAll(envelope.keys().ids().asJava());
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("saved cards are wrapped under key ids that tender.secrets.keys does "
                    + "not hold (" + String.join(", ", unknown) + "): configure those keys again, start, and remove a "
                    + "key only once no row uses it (docs/configuration.md)");
        }
        Set<String> unreadable = new LinkedHashSet<>();
        int rewrapped = 0;
        VaultedCardRow.Key after = new VaultedCardRow.Key("", "");
        for (java.util.List<VaultedCardRow> batch = notUnderActive(after); !batch.isEmpty();
             batch = notUnderActive(after)) {
            for (VaultedCardRow row : batch) {
                Either<String, Integer> done = rewrap(row);
                rewrapped += done.getOrElse(0);
                if (done.isLeft()) {
                    unreadable.add(row.id().merchantId() + "/" + row.id().token());
                }
            }
            after = batch.get(batch.size() - 1).id();
        }
        return new Outcome(rewrapped, Set.copyOf(unreadable));
    }

    /** The master key id new cards are wrapped under. */
    public String activeKeyId() {
        return envelope.keys().activeId();
    }

    private java.util.List<VaultedCardRow> notUnderActive(VaultedCardRow.Key after) {
        return rows.notUnder(envelope.keys().activeId(), after.merchantId(), after.token(), BATCH);
    }

    /** 1 if the row was re-wrapped, 0 if it changed meanwhile; why not if it does not open. */
    private Either<String, Integer> rewrap(VaultedCardRow row) {
        String merchantId = row.id().merchantId();
        String token = row.id().token();
        Either<String, byte[]> dataKey = envelope.unwrap(new VaultEnvelope.Wrapped(row.keyId(), row.wrappedKey()),
                merchantId, token);
        if (dataKey.isLeft()) {
            return Either.left(dataKey.getLeft());
        }
        try {
            Either<String, String> number = envelope.openText(dataKey.get(), row.sealedNumber(), VaultEnvelope.NUMBER,
                    merchantId, token);
            return number.map(opened -> {
                VaultEnvelope.Wrapped wrapped = envelope.wrap(dataKey.get(), merchantId, token);
                return rows.rewrap(merchantId, token, row.keyId(), row.wrappedKey(), wrapped.keyId(),
                        wrapped.wrappedKey(), envelope.fingerprint(MerchantId.of(merchantId), opened));
            });
        } finally {
            Arrays.fill(dataKey.get(), (byte) 0);
        }
    }

    private Option<VaultedCardRow> row(MerchantId merchantId, String token) {
        return Option.ofOptional(rows.findById(new VaultedCardRow.Key(merchantId.value(), token)));
    }

    private Option<VaultedCardRow> savedWith(MerchantId merchantId, List<String> fingerprints) {
        return Option.ofOptional(rows.findByFingerprint(merchantId.value(), fingerprints.toJavaArray(String[]::new)));
    }

    private VaultedCard display(VaultedCardRow row) {
        Option<String> holder = Option.none();
        if (row.sealedHolder() != null) {
            byte[] dataKey = dataKey(row);
            try {
                holder = holder(row, dataKey);
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
        return new VaultedCard(row.id().token(), MerchantId.of(row.id().merchantId()), row.customerId(),
                row.cardBin(), row.lastFour(), row.expiryMonth(), row.expiryYear(), row.brand(), holder,
                row.fingerprint(), row.createdAt());
    }

    private Option<String> holder(VaultedCardRow row, byte[] dataKey) {
        return Option.of(row.sealedHolder()).map(sealed -> open(row, dataKey, sealed, VaultEnvelope.HOLDER));
    }

    private byte[] dataKey(VaultedCardRow row) {
        return envelope.unwrap(new VaultEnvelope.Wrapped(row.keyId(), row.wrappedKey()), row.id().merchantId(),
                row.id().token()).getOrElseThrow(why -> unreadable(row, why));
    }

    private String open(VaultedCardRow row, byte[] dataKey, byte[] sealed, String purpose) {
        return envelope.openText(dataKey, sealed, purpose, row.id().merchantId(), row.id().token())
                .getOrElseThrow(why -> unreadable(row, why));
    }

    private static UnreadableCard unreadable(VaultedCardRow row, String why) {
        return new UnreadableCard("saved card " + row.id().token() + " of merchant " + row.id().merchantId()
                + " cannot be read: " + why);
    }
}
