package dev.tender.app.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.HeldCards;
import dev.tender.ports.out.PaymentMethodData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.control.Either;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * Held cards in the {@code held_cards} table, one per payment: the whole card sealed with the credentials'
 * keys ({@link CredentialsCipher}) under its own purpose, bound to the merchant and the payment. A value that
 * does not open (a key no longer configured, a row copied or changed) is not a card: the confirm asks for one.
 */
@Singleton
public final class JdbcHeldCards implements HeldCards {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcHeldCards.class);
    /** The associated data's purpose: a credentials value sealed with the same key does not open as a card. */
    static final String PURPOSE = "held_cards.sealed_card";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final CredentialsCipher cipher;

    /** A held card as sealed: {@code {"number","exp_month","exp_year","cvc","holder"}} (holder null if none). */
    @Serdeable
    record HeldCardRow(String number, @JsonProperty("exp_month") int expMonth, @JsonProperty("exp_year") int expYear,
                       String cvc, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String holder) {
    }

    private final JsonColumns json;

    /** With a JSON mapper of its own: for a second adapter over other keys, outside the service's wiring. */
    public JdbcHeldCards(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                         ConnectionOperations<Connection> connections, SecretKeys keys) {
        this(jdbc, transactions, connections, keys, new JsonColumns(JsonMapper.createDefault()));
    }

    @Inject
    public JdbcHeldCards(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                         ConnectionOperations<Connection> connections, SecretKeys keys, JsonColumns json) {
        this.json = json;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
        this.cipher = new CredentialsCipher(keys, PURPOSE);
    }

    @Override
    public void hold(MerchantId merchantId, PaymentId paymentId, PaymentMethodData.Card card, Instant heldUntil) {
        String sealed = cipher.seal(json.write(new HeldCardRow(card.number(), card.expiryMonth(),
                card.expiryYear(), card.cvc(), card.holderName().getOrNull())), merchantId.value(), paymentId.value());
        transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO held_cards "
                + "(merchant_id, payment_id, sealed_card, held_until) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (merchant_id, payment_id) DO UPDATE SET sealed_card = EXCLUDED.sealed_card, "
                + "held_until = EXCLUDED.held_until", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, paymentId.value());
                    s.setString(3, sealed);
                    Sql.setInstant(s, 4, heldUntil);
                    return s.executeUpdate();
                }));
    }

    @Override
    public Option<PaymentMethodData.Card> find(MerchantId merchantId, PaymentId paymentId, Instant now) {
        record Row(String sealed, Instant heldUntil) {
        }
        Option<Row> row = Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT sealed_card, "
                + "held_until FROM held_cards WHERE merchant_id = ? AND payment_id = ?", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, paymentId.value());
                    try (ResultSet rows = s.executeQuery()) {
                        return rows.next() ? Option.some(new Row(rows.getString(1), Sql.instant(rows, "held_until")))
                                : Option.<Row>none();
                    }
                }));
        if (row.isEmpty()) {
            return Option.none();
        }
        if (!now.isBefore(row.get().heldUntil())) {
            purge(merchantId, paymentId, now);
            return Option.none();
        }
        Either<String, String> opened = cipher.open(row.get().sealed(), merchantId.value(), paymentId.value());
        if (opened.isLeft()) {
            LOG.warn("the card held for payment {} of merchant {} is not used: {}", paymentId.value(),
                    merchantId.value(), opened.getLeft());
            return Option.none();
        }
        return card(opened.get());
    }

    @Override
    public void discard(MerchantId merchantId, PaymentId paymentId) {
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "DELETE FROM held_cards WHERE merchant_id = ? AND payment_id = ?", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, paymentId.value());
                    return s.executeUpdate();
                }));
    }

    @Override
    public int purge(Instant now) {
        return transactions.executeWrite(status -> jdbc.prepareStatement(
                "DELETE FROM held_cards WHERE held_until <= ?", s -> {
                    Sql.setInstant(s, 1, now);
                    return s.executeUpdate();
                }));
    }

    /** The one payment's row if its hold has ended: a hold renewed meanwhile (an update) stays. */
    private void purge(MerchantId merchantId, PaymentId paymentId, Instant now) {
        transactions.executeWrite(status -> jdbc.prepareStatement("DELETE FROM held_cards "
                + "WHERE merchant_id = ? AND payment_id = ? AND held_until <= ?", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, paymentId.value());
                    Sql.setInstant(s, 3, now);
                    return s.executeUpdate();
                }));
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
