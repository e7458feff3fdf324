package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.Credentials;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * {@link ConnectorAccounts} over the {@code connector_accounts} table, in routing order (priority, then
 * account id in code point order), plus {@link #add}, which the admin API uses to create an account.
 * Credentials and settings are JSON objects of strings; the credentials are never logged or returned
 * by the API ({@link Credentials#toString()} masks them).
 */
@Singleton
public final class JdbcConnectorAccounts implements ConnectorAccounts {

    /** The account id, or the merchant's (connector, label) pair, is taken. */
    public static final class DuplicateAccountException extends RuntimeException {
        public DuplicateAccountException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String COLUMNS = "account_id, merchant_id, connector_name, label, priority, enabled, "
            + "credentials, settings";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public JdbcConnectorAccounts(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public List<ConnectorAccount> forMerchant(MerchantId merchantId) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT " + COLUMNS
                + " FROM connector_accounts WHERE merchant_id = ? ORDER BY priority, account_id COLLATE \"C\"", s -> {
                    s.setString(1, merchantId.value());
                    return read(s);
                }));
    }

    @Override
    public Option<ConnectorAccount> find(MerchantId merchantId, String accountId) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT " + COLUMNS
                + " FROM connector_accounts WHERE merchant_id = ? AND account_id = ?", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, accountId);
                    return read(s).headOption();
                }));
    }

    /**
     * Creates the account (its merchant must exist; {@code created_at} is the database's time).
     *
     * @throws DuplicateAccountException if the id, or the merchant's connector and label, are taken
     * @throws IllegalArgumentException  if the credentials' names cannot be stored (see {@link #credentialValues})
     */
    public ConnectorAccount add(ConnectorAccount account) {
        String credentials = StoredJson.stringMap(credentialValues(account.credentials()));
        try {
            transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO connector_accounts (" + COLUMNS
                    + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())", s -> {
                        bind(s, account, credentials);
                        return s.executeUpdate();
                    }));
        } catch (RuntimeException failure) {
            if (Sql.isUniqueViolation(failure)) {
                throw new DuplicateAccountException("connector account " + account.id() + " (" + account.connectorName()
                        + ", " + account.label() + ") already exists", failure);
            }
            throw failure;
        }
        return account;
    }

    private static void bind(PreparedStatement s, ConnectorAccount account, String credentials) throws SQLException {
        s.setString(1, account.id());
        s.setString(2, account.merchantId().value());
        s.setString(3, account.connectorName());
        s.setString(4, account.label());
        s.setInt(5, account.priority());
        s.setBoolean(6, account.enabled());
        s.setString(7, credentials);
        s.setString(8, StoredJson.stringMap(account.settings()));
    }

    /**
     * The credentials' values. {@link Credentials} shows no values and offers no way to list its names
     * except its {@code toString()}, {@code Credentials[name, …=***]} with the names sorted. The names are
     * taken from there and the values asked for one by one; the result is checked to make exactly the same
     * credentials, so a name that would read ambiguously (one containing {@code ", "}, say) is refused
     * rather than stored wrongly.
     */
    static Map<String, String> credentialValues(Credentials credentials) {
        String text = credentials.toString();
        String prefix = "Credentials[";
        String suffix = "=***]";
        if (!text.startsWith(prefix) || !text.endsWith(suffix)) {
            throw new IllegalArgumentException("unexpected form of credentials");
        }
        String names = text.substring(prefix.length(), text.length() - suffix.length());
        Map<String, String> values = LinkedHashMap.empty();
        if (!names.isEmpty()) {
            for (String name : names.split(", ", -1)) {
                Option<String> value = credentials.get(name);
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("a credential name cannot be stored as it is");
                }
                values = values.put(name, value.get());
            }
        }
        if (!Credentials.of(values).equals(credentials)) {
            throw new IllegalArgumentException("a credential name cannot be stored as it is");
        }
        return values;
    }

    private static List<ConnectorAccount> read(PreparedStatement s) throws SQLException {
        java.util.List<ConnectorAccount> accounts = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                accounts.add(new ConnectorAccount(Sql.string(r, "account_id"),
                        MerchantId.of(Sql.string(r, "merchant_id")), Sql.string(r, "connector_name"),
                        Sql.string(r, "label"), r.getInt("priority"), r.getBoolean("enabled"),
                        Credentials.of(StoredJson.stringMap(Sql.string(r, "credentials"))),
                        StoredJson.stringMap(Sql.string(r, "settings"))));
            }
        }
        return List.ofAll(accounts);
    }
}
