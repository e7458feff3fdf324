package dev.tender.app.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.HeldCards;
import dev.tender.ports.out.PaymentMethodData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Held cards in the {@code held_cards} table, one per payment: the whole card sealed with the credentials'
 * keys ({@link CredentialsCipher}) under its own purpose, bound to the merchant and the payment. A value that
 * does not open (a key no longer configured, a row copied or changed) is not a card: the confirm asks for one.
 * The rows go through {@link SealedCardRows} (Micronaut Data JDBC); each call is one statement that joins a unit
 * of work's transaction (a confirm's unit discards its payment's card).
 */
@Singleton
public final class JdbcHeldCards implements HeldCards {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcHeldCards.class);
    /** The associated data's purpose: a credentials value sealed with the same key does not open as a card. */
    static final String PURPOSE = "held_cards.sealed_card";

    private final SealedCardRows rows;
    private final CredentialsCipher cipher;

    /** A held card as sealed: {@code {"number","exp_month","exp_year","cvc","holder"}} (holder null if none). */
    @Serdeable
    record HeldCardRow(String number, @JsonProperty("exp_month") int expMonth, @JsonProperty("exp_year") int expYear,
                       String cvc, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String holder) {
    }

    private final JsonColumns json;

    /** With a JSON mapper of its own: for a second adapter over other keys, outside the service's wiring. */
    JdbcHeldCards(SealedCardRows rows, SecretKeys keys) {
        this(rows, keys, new JsonColumns(JsonMapper.createDefault()));
    }

    @Inject
    JdbcHeldCards(SealedCardRows rows, SecretKeys keys, JsonColumns json) {
        this.json = json;
        this.rows = rows;
        this.cipher = new CredentialsCipher(keys, PURPOSE);
    }

    @Override
    public void hold(MerchantId merchantId, PaymentId paymentId, PaymentMethodData.Card card, Instant heldUntil) {
        String sealed = cipher.seal(json.write(new HeldCardRow(card.number(), card.expiryMonth(),
                card.expiryYear(), card.cvc(), card.holderName().getOrNull())), merchantId.value(), paymentId.value());
        rows.hold(merchantId.value(), paymentId.value(), sealed, Sql.micros(heldUntil));
    }

    @Override
    public Option<PaymentMethodData.Card> find(MerchantId merchantId, PaymentId paymentId, Instant now) {
        SealedCardRow.Key key = new SealedCardRow.Key(merchantId.value(), paymentId.value());
        Option<SealedCardRow> row = Option.ofOptional(rows.findById(key));
        if (row.isEmpty()) {
            return Option.none();
        }
        if (!now.isBefore(row.get().heldUntil())) {
            rows.deleteByIdAndHeldUntilLessThanEquals(key, Sql.micros(now));
            return Option.none();
        }
        Either<String, String> opened = cipher.open(row.get().sealedCard(), merchantId.value(), paymentId.value());
        if (opened.isLeft()) {
            LOG.warn("the card held for payment {} of merchant {} is not used: {}", paymentId.value(),
                    merchantId.value(), opened.getLeft());
            return Option.none();
        }
        return card(opened.get());
    }

    @Override
    public void discard(MerchantId merchantId, PaymentId paymentId) {
        rows.deleteById(new SealedCardRow.Key(merchantId.value(), paymentId.value()));
    }

    @Override
    public int purge(Instant now) {
        return rows.deleteByHeldUntilLessThanEquals(Sql.micros(now));
    }

    /** The card a value opened into; none for text that is not one (never quoted: it may be most of a card). */
    private Option<PaymentMethodData.Card> card(String text) {
        try {
            HeldCardRow row = json.read(text, Argument.of(HeldCardRow.class));
            return Option.some(new PaymentMethodData.Card(row.number(), row.expMonth(), row.expYear(), row.cvc(),
                    Option.of(row.holder())));
        } catch (RuntimeException notACard) {
            LOG.warn("a held card opened but is not a card ({}): not used", notACard.getClass().getSimpleName());
            return Option.none();
        }
    }
}
