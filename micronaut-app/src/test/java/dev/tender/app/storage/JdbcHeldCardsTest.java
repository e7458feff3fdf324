package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.PaymentMethodData;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static dev.tender.app.storage.StorageFixtures.newMerchant;
import static dev.tender.app.storage.StorageFixtures.simplePayment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Held cards in PostgreSQL: the whole card sealed (no column holds its number, CVC or holder), read back only
 * for its payment and only while its hold lasts, and never opened under a wrong key or as another value.
 */
class JdbcHeldCardsTest {

    static final String NUMBER = "4000056655665556";
    static final String CVC = "7319";
    static final PaymentMethodData.Card CARD = new PaymentMethodData.Card(NUMBER, 11, 2032, CVC,
            Option.some("Ada Lovelace"));
    /** Later than the real time, so that no purge run by the real clock meets these holds. */
    static final Instant T0 = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
    static final Instant UNTIL = T0.plus(Duration.ofMinutes(15));

    final JdbcHeldCards cards = EmbeddedDatabase.bean(JdbcHeldCards.class);
    final JdbcPayments payments = EmbeddedDatabase.bean(JdbcPayments.class);
    final MerchantId merchant = newMerchant("mer_held");
    final PaymentId payment = PaymentId.of("pay_held_1");

    JdbcHeldCardsTest() {
        payments.save(simplePayment(merchant, payment.value(), T0)).get();
    }

    @Test
    void aHeldCardReadsBackWhileHeldAndNoColumnHoldsItInClear() throws SQLException {
        // when
        cards.hold(merchant, payment, CARD, UNTIL);

        // then
        assertThat(cards.find(merchant, payment, T0)).contains(CARD);
        List<String> row = rawRow(merchant, payment);
        assertThat(row).hasSize(4).noneMatch(column -> column.contains(NUMBER) || column.contains(CVC)
                || column.contains("Ada") || column.contains("cvc"));
        assertThat(row.get(2)).startsWith("v1:test:");
    }

    @Test
    void anotherMerchantOrPaymentFindsNothing() {
        // given
        MerchantId other = newMerchant("mer_held_other");
        payments.save(simplePayment(other, payment.value(), T0)).get();

        // when
        cards.hold(merchant, payment, CARD, UNTIL);

        // then
        assertThat(cards.find(other, payment, T0)).isEmpty();
        assertThat(cards.find(merchant, PaymentId.of("pay_held_none"), T0)).isEmpty();
    }

    @Test
    void aNewHoldReplacesTheCardAndADiscardDeletesIt() throws SQLException {
        // given
        PaymentMethodData.Card replacement = new PaymentMethodData.Card("5555555555554444", 1, 2033, "456",
                Option.none());
        cards.hold(merchant, payment, CARD, UNTIL);

        // when
        cards.hold(merchant, payment, replacement, UNTIL);
        Option<PaymentMethodData.Card> found = cards.find(merchant, payment, T0);
        cards.discard(merchant, payment);

        // then
        assertThat(found).contains(replacement);
        assertThat(rawRow(merchant, payment)).isEmpty();
        assertThat(cards.find(merchant, payment, T0)).isEmpty();
    }

    @Test
    void aCardPastItsHoldIsNotReturnedAndItsRowGoes() throws SQLException {
        // given
        cards.hold(merchant, payment, CARD, UNTIL);

        // when
        Option<PaymentMethodData.Card> atTheEnd = cards.find(merchant, payment, UNTIL);

        // then
        assertThat(atTheEnd).isEmpty();
        assertThat(rawRow(merchant, payment)).isEmpty();
    }

    @Test
    void thePurgeDeletesTheHoldsThatEndedOnly() throws SQLException {
        // given
        PaymentId later = PaymentId.of("pay_held_later");
        payments.save(simplePayment(merchant, later.value(), T0)).get();
        cards.hold(merchant, payment, CARD, T0.minus(Duration.ofMinutes(1)));
        cards.hold(merchant, later, CARD, UNTIL);

        // when: twice, as two instances would
        int first = cards.purge(T0);
        cards.purge(T0);

        // then
        assertThat(first).isPositive();
        assertThat(rawRow(merchant, payment)).isEmpty();
        assertThat(rawRow(merchant, later)).isNotEmpty();
    }

    @Test
    void underAnotherKeyTheCardIsNotOpenedAndNothingFails() {
        // given: the same key id with other key bytes, as after a key was lost or misconfigured
        JdbcHeldCards wrongKey = new JdbcHeldCards(EmbeddedDatabase.bean(SealedCardRows.class),
                SecretKeyFixtures.keys("test", SecretKeyFixtures.randomKey(), "test"));
        cards.hold(merchant, payment, CARD, UNTIL);

        // when
        Option<PaymentMethodData.Card> found = wrongKey.find(merchant, payment, T0);

        // then
        assertThat(found).isEmpty();
        assertThat(cards.find(merchant, payment, T0)).contains(CARD);
    }

    @Test
    void aCredentialsValueSealedWithTheSameKeyForTheSameIdsDoesNotOpenAsACard() throws SQLException {
        // given: what the credentials cipher seals is a well-formed v1 value under the same key
        cards.hold(merchant, payment, CARD, UNTIL);
        String credentials = EmbeddedDatabase.bean(CredentialsCipher.class).seal(
                "{\"number\":\"" + NUMBER + "\",\"exp_month\":1,\"exp_year\":2033,\"cvc\":\"111\",\"holder\":null}",
                merchant.value(), payment.value());
        setSealed(merchant, payment, credentials);

        // when
        Option<PaymentMethodData.Card> found = cards.find(merchant, payment, T0);

        // then
        assertThat(found).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static <T> T bean(Class<?> type) {
        return (T) EmbeddedDatabase.bean(type);
    }

    /** Every column of the payment's row as text; empty when there is no row. */
    static List<String> rawRow(MerchantId merchant, PaymentId payment) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT merchant_id, payment_id, sealed_card, "
                     + "held_until::text FROM held_cards WHERE merchant_id = ? AND payment_id = ?")) {
            query.setString(1, merchant.value());
            query.setString(2, payment.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    for (int i = 1; i <= 4; i++) {
                        columns.add(rows.getString(i));
                    }
                }
            }
        }
        return columns;
    }

    static void setSealed(MerchantId merchant, PaymentId payment, String sealed) throws SQLException {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE held_cards SET sealed_card = ? WHERE merchant_id = ? AND payment_id = ?")) {
            update.setString(1, sealed);
            update.setString(2, merchant.value());
            update.setString(3, payment.value());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
