package dev.tender.app.storage;

import dev.tender.app.EmbeddedDatabase;
import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.CardVault;
import dev.tender.ports.out.CardVaultContract;
import dev.tender.ports.out.PaymentMethodData;
import dev.tender.ports.out.TimeSource;
import dev.tender.ports.out.UnreadableCard;
import dev.tender.ports.out.VaultedCard;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vault's contract in PostgreSQL, and what only the database adapter can get wrong: no column of any table
 * holds a saved number or holder in clear, and a card under a wrong or missing key, or moved to another row,
 * fails closed.
 */
class JdbcCardVaultTest extends CardVaultContract {

    @Override
    protected CardVault vault(TimeSource time) {
        return vault(EmbeddedDatabase.bean(SecretKeys.class), time);
    }

    static JdbcCardVault vault(SecretKeys keys, TimeSource time) {
        return new JdbcCardVault(EmbeddedDatabase.bean(VaultedCardRows.class), keys, time);
    }

    @Override
    protected MerchantId newMerchant(String prefix) {
        return StorageFixtures.newMerchant(prefix);
    }

    @Test
    void noTextJsonOrByteaColumnOfAnyTableHoldsASavedNumberOrHolderInClear() throws SQLException {
        // given
        List<String> numbers = List.of(VISA, AMEX, MASTERCARD);
        String cvc = "9731";

        // when
        for (String number : numbers) {
            vault.store(merchant, "cus_scan", new PaymentMethodData.Card(number, 11, 2031, cvc,
                    Option.some("Grace Hopper")));
        }

        // then
        List<Column> columns = columns();
        assertThat(columns.map(Column::toString)).contains("vaulted_cards.sealed_number",
                "vaulted_cards.wrapped_key", "vaulted_cards.sealed_holder", "payments.payment_method");
        assertThat(columnsContaining(columns, "0005")).as("the scan finds what is in clear")
                .contains("vaulted_cards.last_four");
        for (String secret : numbers.append("Grace Hopper")) {
            assertThat(columnsContaining(columns, secret)).as("columns holding %s", secret).isEmpty();
        }
        assertThat(columnsContaining(columns.filter(c -> c.table().equals("vaulted_cards")), cvc)).isEmpty();
        assertThat(vault.forCustomer(merchant, "cus_scan")).hasSize(3);
    }

    @Test
    void underTheSameKeyIdWithOtherKeyBytesNothingOpensAndTheCardIsNotGuessed() {
        // given: the key id the card was wrapped under, with other bytes, as after a key was misconfigured
        VaultedCard stored = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));
        JdbcCardVault wrongKey = vault(SecretKeyFixtures.keys("test", SecretKeyFixtures.randomKey(), "test"),
                now::get);

        // then
        assertThatThrownBy(() -> wrongKey.reveal(merchant, stored.token())).isInstanceOf(UnreadableCard.class)
                .hasMessage("saved card " + stored.token() + " of merchant " + merchant.value() + " cannot be read: "
                        + "refused: damaged, moved from another row, or not sealed under this key");
        assertThatThrownBy(() -> wrongKey.find(merchant, stored.token())).isInstanceOf(UnreadableCard.class);
        assertThat(vault.reveal(merchant, stored.token()).get().number()).isEqualTo(VISA);
    }

    @Test
    void aCardWrappedUnderAKeyIdNoLongerConfiguredFailsClosedNamingTheKeyId() {
        // given
        VaultedCard stored = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));
        JdbcCardVault otherKeys = vault(SecretKeyFixtures.keys("other", SecretKeyFixtures.randomKey(), "other"),
                now::get);

        // then
        assertThatThrownBy(() -> otherKeys.reveal(merchant, stored.token())).isInstanceOf(UnreadableCard.class)
                .hasMessageEndingWith("its data key is wrapped under key id test, which tender.secrets.keys does not "
                        + "hold");
    }

    @Test
    void aWrappedKeyOrANumberMovedToAnotherRowDoesNotOpenThere() throws SQLException {
        // given
        VaultedCard first = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));
        VaultedCard second = vault.store(merchant, "cus_1", card(MASTERCARD, 11, 2031, "Ada Lovelace"));
        VaultedCard third = vault.store(merchant, "cus_1", card(AMEX, 11, 2031, "Ada Lovelace"));

        // when: the first row's data key is copied over the second's, and all its values over the third's
        copy(first.token(), second.token(), "wrapped_key");
        copy(first.token(), third.token(), "wrapped_key, sealed_number = src.sealed_number, "
                + "sealed_holder = src.sealed_holder");

        // then
        assertThatThrownBy(() -> vault.reveal(merchant, second.token())).isInstanceOf(UnreadableCard.class)
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> vault.reveal(merchant, third.token())).isInstanceOf(UnreadableCard.class)
                .hasMessageContaining("refused");
        assertThat(vault.reveal(merchant, first.token()).get().number()).isEqualTo(VISA);
    }

    @Test
    void aChangedNumberCiphertextFailsClosed() throws SQLException {
        // given
        VaultedCard stored = vault.store(merchant, "cus_1", card(VISA, 11, 2031, "Ada Lovelace"));

        // when: one byte of the sealed number flipped; and a value too short to be sealed
        sql("UPDATE vaulted_cards SET sealed_number = set_byte(sealed_number, 20, get_byte(sealed_number, 20) # 1) "
                + "WHERE merchant_id = ? AND token = ?", stored.token());

        // then
        assertThatThrownBy(() -> vault.reveal(merchant, stored.token())).isInstanceOf(UnreadableCard.class)
                .hasMessageContaining("refused: damaged, moved");
        sql("UPDATE vaulted_cards SET sealed_number = '\\x00' WHERE merchant_id = ? AND token = ?", stored.token());
        assertThatThrownBy(() -> vault.reveal(merchant, stored.token())).isInstanceOf(UnreadableCard.class)
                .hasMessageEndingWith("refused: damaged (too short)");
    }

    private void copy(String from, String to, String columns) throws SQLException {
        sql("UPDATE vaulted_cards dst SET " + columns.replaceFirst("^wrapped_key", "wrapped_key = src.wrapped_key")
                + " FROM vaulted_cards src WHERE src.merchant_id = dst.merchant_id AND src.token = '" + from + "' "
                + "AND dst.merchant_id = ? AND dst.token = ?", to);
    }

    private void sql(String update, String token) throws SQLException {
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setString(1, merchant.value());
            statement.setString(2, token);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    /** A column of a table; in a bytea column, text is looked for as its UTF-8 bytes. */
    record Column(String table, String name, boolean bytea) {
        @Override
        public String toString() {
            return table + "." + name;
        }
    }

    /** Every text, JSON and bytea column of every table. */
    static List<Column> columns() throws SQLException {
        java.util.List<Column> columns = new ArrayList<>();
        try (Connection connection = EmbeddedDatabase.direct().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT c.table_name, c.column_name, c.data_type "
                     + "FROM information_schema.columns c JOIN information_schema.tables t "
                     + "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                     + "WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type IN "
                     + "('text', 'character varying', 'character', 'json', 'jsonb', 'bytea') "
                     + "ORDER BY c.table_name, c.ordinal_position");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                columns.add(new Column(rows.getString(1), rows.getString(2), "bytea".equals(rows.getString(3))));
            }
        }
        return List.ofAll(columns);
    }

    static List<String> columnsContaining(List<Column> columns, String text) throws SQLException {
        java.util.List<String> found = new ArrayList<>();
        try (Connection connection = EmbeddedDatabase.direct().getConnection()) {
            for (Column column : columns) {
                String name = "\"" + column.name() + "\"";
                String holds = column.bytea() ? "position(convert_to(?, 'UTF8') IN " + name + ") > 0"
                        : "strpos(" + name + "::text, ?) > 0";
                try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM \""
                        + column.table() + "\" WHERE " + holds + ")")) {
                    query.setString(1, text);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getBoolean(1)) {
                            found.add(column.toString());
                        }
                    }
                }
            }
        }
        return List.ofAll(found);
    }
}
