package dev.tender.app.storage;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.control.Either;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * At every start, before the service takes a request, brings every connector account's stored credentials
 * under the active key: rows still in plain JSON (written before credentials were encrypted) are encrypted,
 * rows under another configured key are re-encrypted ("re-wrapped"). This is the data migration of
 * encryption at rest; Flyway cannot do it, as it does not hold the keys.
 *
 * <p>Safe with several instances starting at once: batches of rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, each row is rewritten only if it still holds what was read, and an instance
 * that finds the remaining rows claimed by another waits for them, so that it starts only once no row is left
 * in plain text. Running it again changes nothing. A start is refused while rows are sealed under a key id
 * that {@code tender.secrets.keys} does not hold (a key removed before its rows were re-wrapped); a row that
 * does not open (damaged) is left as it is and logged by account id.
 */
@Singleton
public final class CredentialsResealing implements ApplicationEventListener<StartupEvent> {

    /** What one run did. */
    public record Outcome(int encrypted, int rewrapped, Set<String> unreadable) {
    }

    /** A claimed row: its ids and what it holds. */
    private record Row(String accountId, String merchantId, String stored) {
    }

    /** What a batch did: rows claimed, encrypted from plain, re-wrapped from another key. */
    private record Batch(int claimed, int encrypted, int rewrapped) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsResealing.class);
    static final int BATCH = 100;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final CredentialsCipher cipher;

    public CredentialsResealing(JdbcOperations jdbc, TransactionOperations<Connection> transactions,
                                CredentialsCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Outcome outcome = resealAll();
        if (outcome.encrypted() + outcome.rewrapped() > 0) {
            LOG.info("Connector credentials: {} plain rows encrypted, {} rows re-encrypted under key {}",
                    outcome.encrypted(), outcome.rewrapped(), cipher.keys().activeId());
        }
        if (!outcome.unreadable().isEmpty()) {
            LOG.error("The stored credentials of connector accounts {} do not open under their key: damaged, or "
                    + "copied from another row; set them again through the admin API", outcome.unreadable());
        }
    }

    /**
     * Brings every row that opens under the active key.
     *
     * @throws ConfigurationException if rows are sealed under a key id that is not configured
     */
    public Outcome resealAll() {
        refuseUnknownKeyIds();
        Set<String> unreadable = new LinkedHashSet<>();
        int encrypted = 0;
        int rewrapped = 0;
        while (true) {
            Batch batch = batch(false, unreadable);
            if (batch.claimed() == 0) {
                if (!remaining(unreadable)) {
                    return new Outcome(encrypted, rewrapped, Set.copyOf(unreadable));
                }
                // another instance holds the rest: wait for its batch, then look again
                batch = batch(true, unreadable);
            }
            encrypted += batch.encrypted();
            rewrapped += batch.rewrapped();
        }
    }

    private void refuseUnknownKeyIds() {
        TreeMap<String, Long> unknown = new TreeMap<>();
        transactions.executeRead(status -> jdbc.prepareStatement("SELECT split_part(credentials, ':', 2) AS key_id, "
                + "count(*) AS n FROM connector_accounts WHERE credentials LIKE ? GROUP BY 1", s -> {
                    s.setString(1, CredentialsCipher.VERSION + ":%");
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            if (!cipher.keys().ids().contains(r.getString("key_id"))) {
                                unknown.put(r.getString("key_id"), r.getLong("n"));
                            }
                        }
                    }
                    return null;
                }));
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("connector credentials are stored under key ids that "
                    + "tender.secrets.keys does not hold (key id=rows: " + unknown + "): configure those keys "
                    + "again, start, and remove a key only once no row uses it (docs/configuration.md)");
        }
    }

    /** Claims up to {@link #BATCH} rows not yet under the active key, rewrites them, commits. */
    private Batch batch(boolean wait, Set<String> unreadable) {
        return transactions.executeWrite(status -> {
            List<Row> rows = jdbc.prepareStatement("SELECT account_id, merchant_id, credentials "
                    + "FROM connector_accounts WHERE credentials NOT LIKE ? AND NOT (account_id = ANY (?)) "
                    + "ORDER BY account_id COLLATE \"C\" LIMIT " + BATCH + " FOR UPDATE"
                    + (wait ? "" : " SKIP LOCKED"), s -> {
                        bindPending(s, unreadable);
                        List<Row> claimed = new ArrayList<>();
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                claimed.add(new Row(r.getString(1), r.getString(2), r.getString(3)));
                            }
                        }
                        return claimed;
                    });
            int encrypted = 0;
            int rewrapped = 0;
            for (Row row : rows) {
                boolean plain = !CredentialsCipher.looksSealed(row.stored());
                Either<String, String> opened = plain ? Either.right(row.stored())
                        : cipher.open(row.stored(), row.merchantId(), row.accountId());
                if (opened.isLeft()) {
                    unreadable.add(row.accountId());
                } else if (plain) {
                    encrypted += reseal(row, opened.get());
                } else {
                    rewrapped += reseal(row, opened.get());
                }
            }
            return new Batch(rows.size(), encrypted, rewrapped);
        });
    }

    /** Writes the text sealed under the active key if the row still holds what was read: 1 if it did. */
    private int reseal(Row row, String plaintext) {
        String accountId = row.accountId();
        String stored = row.stored();
        String resealed = cipher.seal(plaintext, row.merchantId(), accountId);
        return jdbc.prepareStatement("UPDATE connector_accounts SET credentials = ? "
                + "WHERE account_id = ? AND credentials = ?", s -> {
                    s.setString(1, resealed);
                    s.setString(2, accountId);
                    s.setString(3, stored);
                    return s.executeUpdate();
                });
    }

    private boolean remaining(Set<String> unreadable) {
        return transactions.executeRead(status -> jdbc.prepareStatement("SELECT EXISTS (SELECT 1 "
                + "FROM connector_accounts WHERE credentials NOT LIKE ? AND NOT (account_id = ANY (?)))", s -> {
                    bindPending(s, unreadable);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        return r.getBoolean(1);
                    }
                }));
    }

    /** Rows not under the active key (its id is letters and digits: no LIKE wildcard), but the unreadable. */
    private void bindPending(PreparedStatement s, Set<String> unreadable) throws SQLException {
        s.setString(1, CredentialsCipher.VERSION + ":" + cipher.keys().activeId() + ":%");
        s.setArray(2, s.getConnection().createArrayOf("varchar", unreadable.toArray()));
    }
}
