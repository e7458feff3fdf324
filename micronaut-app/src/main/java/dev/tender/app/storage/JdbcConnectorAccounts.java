package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.ConnectorAccount;
import dev.tender.ports.out.ConnectorAccounts;
import dev.tender.ports.out.Credentials;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@link ConnectorAccounts} over the {@code connector_accounts} table, in routing order (priority, then
 * account id in code point order), plus what the admin API does with accounts: add, update, delete (a mark:
 * the row stays for the payments that used it). Credentials and settings are JSON objects of strings; the
 * credentials are never logged or returned by the API ({@link Credentials#toString()} masks them), and are
 * stored sealed by {@link CredentialsCipher} for their row: a row that does not open is never read as plain.
 */
@Singleton
public final class JdbcConnectorAccounts implements ConnectorAccounts {

    /** The account id, or the label within the merchant's profile, is taken. */
    public static final class DuplicateAccountException extends RuntimeException {
        public DuplicateAccountException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The stored credentials do not open: a key missing from configuration, or a value damaged or moved. */
    public static final class UnreadableCredentialsException extends RuntimeException {
        public UnreadableCredentialsException(String message) {
            super(message);
        }
    }

    private static final String COLUMNS = "account_id, merchant_id, connector_name, label, priority, enabled, "
            + "credentials, settings";
    private static final String ENTRY_COLUMNS = COLUMNS + ", profile_id, status, test_mode";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final CredentialsCipher cipher;

    private final JsonColumns json;

    /** A merchant's accounts, deleted ones too, as read within {@code tender.connector-accounts.cache-ttl}. */
    private final Recent<MerchantId, Known> recent;

    /**
     * A merchant's accounts: the ids of those not deleted in routing order, and each account by id, or why its
     * credentials cannot be read (thrown when that account is asked for, so one damaged row does not hide the
     * others from a lookup by id).
     */
    private record Known(java.util.List<String> live,
                         java.util.Map<String, io.vavr.control.Either<String, ConnectorAccount>> byId) {

        ConnectorAccount account(String id) {
            return byId.get(id).getOrElseThrow(UnreadableCredentialsException::new);
        }

        @Nullable ConnectorAccount accountIfAny(String id) {
            return byId.containsKey(id) ? account(id) : null;
        }
    }

    @Inject
    public JdbcConnectorAccounts(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                                 ConnectionOperations<Connection> connections, CredentialsCipher cipher,
                                 JsonColumns json,
                                 @Value("${tender.connector-accounts.cache-ttl:5s}") Duration cacheTtl) {
        this.recent = new Recent<>("tender.connector-accounts.cache-ttl", cacheTtl, 10_000, System::nanoTime,
                transactions);
        this.json = json;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
        this.cipher = cipher;
    }

    /**
     * The merchant's accounts but the deleted ones, in routing order: a deleted account takes no new payment.
     * Read once per merchant within {@code tender.connector-accounts.cache-ttl}, as are {@link #find} and
     * {@link #findAll}: a payment's request routes with them and answers with them.
     */
    @Override
    public List<ConnectorAccount> forMerchant(MerchantId merchantId) {
        Known known = known(merchantId);
        return List.ofAll(known.live()).map(known::account);
    }

    /**
     * The account, deleted or not: the payments it took are still captured, refunded and synced through it.
     */
    @Override
    public Option<ConnectorAccount> find(MerchantId merchantId, String accountId) {
        return Option.of(known(merchantId).accountIfAny(accountId));
    }

    /** The accounts of the ids, deleted or not, by id: a page of payments names several. */
    public java.util.Map<String, ConnectorAccount> findAll(MerchantId merchantId, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        Known known = known(merchantId);
        java.util.Map<String, ConnectorAccount> found = new java.util.HashMap<>();
        ids.forEach(id -> {
            ConnectorAccount account = known.accountIfAny(id);
            if (account != null) {
                found.put(id, account);
            }
        });
        return found;
    }

    /** Every account of the merchant, in one statement unless this instance read them within the TTL. */
    private Known known(MerchantId merchantId) {
        return recent.get(merchantId, () -> Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT "
                + ENTRY_COLUMNS + ", deleted_at IS NULL AS live FROM connector_accounts WHERE merchant_id = ?"
                + " ORDER BY priority, account_id COLLATE \"C\"", s -> {
                    s.setString(1, merchantId.value());
                    java.util.List<String> live = new ArrayList<>();
                    java.util.Map<String, io.vavr.control.Either<String, ConnectorAccount>> byId =
                            new java.util.HashMap<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            String id = Sql.string(r, "account_id");
                            io.vavr.control.Either<String, ConnectorAccount> account;
                            try {
                                account = io.vavr.control.Either.right(entry(r).account());
                            } catch (UnreadableCredentialsException unreadable) {
                                account = io.vavr.control.Either.left(unreadable.getMessage());
                            }
                            byId.put(id, account);
                            if (r.getBoolean("live")) {
                                live.add(id);
                            }
                        }
                    }
                    return new Known(java.util.List.copyOf(live), java.util.Map.copyOf(byId));
                })));
    }

    /** The merchant's accounts that are not deleted, in routing order. */
    public List<ConnectorAccountEntry> entries(MerchantId merchantId) {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM connector_accounts WHERE merchant_id = ? AND deleted_at IS NULL"
                + " ORDER BY priority, account_id COLLATE \"C\"", s -> {
                    s.setString(1, merchantId.value());
                    return read(s);
                }));
    }

    /** The account unless it is deleted. */
    public Option<ConnectorAccountEntry> entry(MerchantId merchantId, String accountId) {
        return Sql.oneStatement(connections, () -> jdbc.prepareStatement("SELECT " + ENTRY_COLUMNS
                + " FROM connector_accounts WHERE merchant_id = ? AND account_id = ? AND deleted_at IS NULL", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, accountId);
                    return read(s).headOption();
                }));
    }

    /**
     * Creates the account in its merchant's default profile, active unless it is not enabled (its merchant
     * must exist; {@code created_at} is the database's time).
     *
     * @throws DuplicateAccountException if the id, or the label in the merchant's profile, is taken
     * @throws IllegalArgumentException  if the credentials' names cannot be stored (see {@link #credentialValues})
     */
    public ConnectorAccount add(ConnectorAccount account) {
        String credentials = sealed(account.credentials(), account.merchantId(), account.id());
        unique(() -> transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO connector_accounts ("
                + ENTRY_COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + "(SELECT default_profile_id FROM merchants WHERE merchant_id = ?), 'active', false, now())", s -> {
                    recent.forgetOnCommit();
                    bind(s, account, !account.enabled(), credentials);
                    s.setString(9, account.merchantId().value());
                    return s.executeUpdate();
                })), account.id());
        return account;
    }

    /**
     * Creates the account if its merchant exists and is not deleted; otherwise nothing and none.
     *
     * @throws DuplicateAccountException if the id, or the label in the profile, is taken
     */
    public Option<ConnectorAccountEntry> add(ConnectorAccountEntry entry) {
        ConnectorAccount account = entry.account();
        String credentials = sealed(account.credentials(), account.merchantId(), account.id());
        int added = unique(() -> transactions.executeWrite(status -> jdbc.prepareStatement(
                "INSERT INTO connector_accounts (" + ENTRY_COLUMNS + ", created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, now() FROM merchants WHERE merchant_id = ? AND deleted_at IS NULL", s -> {
                    recent.forgetOnCommit();
                    bind(s, account, entry.disabled(), credentials);
                    s.setString(9, entry.profileId());
                    s.setString(10, entry.status());
                    s.setBoolean(11, entry.testMode());
                    s.setString(12, account.merchantId().value());
                    return s.executeUpdate();
                })), account.id());
        return added == 1 ? Option.some(entry) : Option.none();
    }

    /**
     * Changes the account, unless it is deleted, in one transaction that holds its row: {@code change} sees
     * the account as it is and returns it as it shall be (its id, merchant, connector and profile stay).
     *
     * @throws DuplicateAccountException if the new label is taken in the profile
     */
    public Option<ConnectorAccountEntry> update(MerchantId merchantId, String accountId,
                                                UnaryOperator<ConnectorAccountEntry> change) {
        return unique(() -> transactions.executeWrite(status -> {
            recent.forgetOnCommit();
            Option<ConnectorAccountEntry> current = jdbc.prepareStatement("SELECT " + ENTRY_COLUMNS
                    + " FROM connector_accounts WHERE merchant_id = ? AND account_id = ? AND deleted_at IS NULL"
                    + " FOR UPDATE", s -> {
                        s.setString(1, merchantId.value());
                        s.setString(2, accountId);
                        return read(s).headOption();
                    });
            if (current.isEmpty()) {
                return Option.<ConnectorAccountEntry>none();
            }
            ConnectorAccountEntry changed = change.apply(current.get());
            ConnectorAccount account = changed.account();
            String credentials = sealed(account.credentials(), merchantId, accountId);
            jdbc.prepareStatement("UPDATE connector_accounts SET label = ?, priority = ?, enabled = ?, "
                    + "credentials = ?, settings = ?, status = ?, test_mode = ? "
                    + "WHERE merchant_id = ? AND account_id = ?", s -> {
                        s.setString(1, account.label());
                        s.setInt(2, account.priority());
                        s.setBoolean(3, !changed.disabled());
                        s.setString(4, credentials);
                        s.setString(5, json.stringMap(account.settings()));
                        s.setString(6, changed.status());
                        s.setBoolean(7, changed.testMode());
                        s.setString(8, merchantId.value());
                        s.setString(9, accountId);
                        return s.executeUpdate();
                    });
            return Option.some(new ConnectorAccountEntry(new ConnectorAccount(accountId, merchantId,
                    current.get().account().connectorName(), account.label(), account.priority(),
                    account.enabled(), account.credentials(), account.settings()), current.get().profileId(),
                    changed.disabled(), changed.status(), changed.testMode()));
        }), accountId);
    }

    /**
     * Marks the account deleted: it is no longer listed nor routed to, and its label is free again; the
     * payments it took keep it. False if there was no such account, or it was deleted already.
     */
    public boolean delete(MerchantId merchantId, String accountId) {
        return transactions.executeWrite(status -> jdbc.prepareStatement("UPDATE connector_accounts "
                + "SET deleted_at = now() WHERE merchant_id = ? AND account_id = ? AND deleted_at IS NULL", s -> {
                    recent.forgetOnCommit();
                    s.setString(1, merchantId.value());
                    s.setString(2, accountId);
                    return s.executeUpdate() == 1;
                }));
    }

    /** Runs a write that may take a taken id or label. */
    private static <T> T unique(Supplier<T> write, String accountId) {
        try {
            return write.get();
        } catch (RuntimeException failure) {
            if (Sql.isUniqueViolation(failure)) {
                throw new DuplicateAccountException("connector account " + accountId + ", or its label in its "
                        + "profile, already exists", failure);
            }
            throw failure;
        }
    }

    /** Credentials as stored: their JSON object sealed for the account's row. */
    private String sealed(Credentials credentials, MerchantId merchantId, String accountId) {
        return cipher.seal(json.stringMap(credentialValues(credentials)), merchantId.value(), accountId);
    }

    private void bind(PreparedStatement s, ConnectorAccount account, boolean disabled, String credentials)
            throws SQLException {
        s.setString(1, account.id());
        s.setString(2, account.merchantId().value());
        s.setString(3, account.connectorName());
        s.setString(4, account.label());
        s.setInt(5, account.priority());
        s.setBoolean(6, !disabled);
        s.setString(7, credentials);
        s.setString(8, json.stringMap(account.settings()));
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

    private List<ConnectorAccountEntry> read(PreparedStatement s) throws SQLException {
        java.util.List<ConnectorAccountEntry> entries = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                entries.add(entry(r));
            }
        }
        return List.ofAll(entries);
    }

    private ConnectorAccountEntry entry(ResultSet r) throws SQLException {
        String accountId = Sql.string(r, "account_id");
        String merchantId = Sql.string(r, "merchant_id");
        String credentials = cipher.open(Sql.string(r, "credentials"), merchantId, accountId)
                .getOrElseThrow(why -> new UnreadableCredentialsException("the credentials of connector "
                        + "account " + accountId + " cannot be read: " + why));
        ConnectorAccount account = new ConnectorAccount(accountId, MerchantId.of(merchantId),
                Sql.string(r, "connector_name"), Sql.string(r, "label"), r.getInt("priority"),
                r.getBoolean("enabled"), Credentials.of(json.stringMap(credentials)),
                json.stringMap(Sql.string(r, "settings")));
        return ConnectorAccountEntry.of(account, r.getString("profile_id"), !r.getBoolean("enabled"),
                Sql.string(r, "status"), r.getBoolean("test_mode"));
    }
}
