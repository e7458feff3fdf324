package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import dev.tender.ports.out.IdempotencyKeys;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.vavr.control.Option;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * The application's {@link IdempotencyKeys} in the {@code idempotency_keys} table. A claim inserts the
 * key ({@code ON CONFLICT DO NOTHING}) and, if someone has it already, reads theirs: another fingerprint
 * is a mismatch, no result yet is in progress, a result is replayed.
 *
 * <p><b>Only {@code String} results are storable</b>, kept as text; {@link #complete} refuses any other
 * result with an {@link IllegalArgumentException}. That is enough for the service: the HTTP layer keeps
 * its own response-level idempotency (the {@code http_idempotency} table, the stored response replayed)
 * and calls the application <em>without</em> idempotency keys; the one key the application still uses is
 * the redirect replay marker ({@code "redirect:" + …}), completed with a String. An embedding that passes
 * keys to the application services needs an adapter that can store their results, as the in-memory one does.
 */
@Singleton
public final class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public JdbcIdempotencyKeys(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private record Existing(String fingerprint, Option<String> result) {
    }

    @Override
    public Claim claim(MerchantId merchantId, String key, String fingerprint, Instant now) {
        while (true) {
            boolean claimed = transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO idempotency_keys "
                    + "(merchant_id, idem_key, fingerprint, result, claimed_at) VALUES (?, ?, ?, NULL, ?) "
                    + "ON CONFLICT (merchant_id, idem_key) DO NOTHING", s -> {
                        s.setString(1, merchantId.value());
                        s.setString(2, key);
                        s.setString(3, fingerprint);
                        Sql.setInstant(s, 4, now);
                        return s.executeUpdate() == 1;
                    }));
            if (claimed) {
                return new Claim.Claimed();
            }
            Option<Existing> existing = transactions.executeRead(status -> jdbc.prepareStatement(
                    "SELECT fingerprint, result FROM idempotency_keys WHERE merchant_id = ? AND idem_key = ?", s -> {
                        s.setString(1, merchantId.value());
                        s.setString(2, key);
                        try (ResultSet rows = s.executeQuery()) {
                            return rows.next()
                                    ? Option.some(new Existing(rows.getString(1), Option.of(rows.getString(2))))
                                    : Option.<Existing>none();
                        }
                    }));
            // none: the holder released the key between the two statements; try to claim it again
            if (existing.isDefined()) {
                Existing e = existing.get();
                if (!e.fingerprint().equals(fingerprint)) {
                    return new Claim.Mismatch();
                }
                return e.result().<Claim>map(Claim.Replay::new).getOrElse(Claim.InProgress::new);
            }
        }
    }

    /** Stores a String result for the key, if it is claimed; any other result is refused (see the class). */
    @Override
    public void complete(MerchantId merchantId, String key, Object result) {
        if (!(result instanceof String text)) {
            throw new IllegalArgumentException("JdbcIdempotencyKeys stores String results only, not "
                    + (result == null ? "null" : result.getClass().getName())
                    + "; the HTTP layer keeps response-level idempotency and calls the application without keys");
        }
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "UPDATE idempotency_keys SET result = ? WHERE merchant_id = ? AND idem_key = ?", s -> {
                    s.setString(1, text);
                    s.setString(2, merchantId.value());
                    s.setString(3, key);
                    return s.executeUpdate();
                }));
    }

    /** Gives the key back unless it has a result. */
    @Override
    public void release(MerchantId merchantId, String key) {
        transactions.executeWrite(status -> jdbc.prepareStatement(
                "DELETE FROM idempotency_keys WHERE merchant_id = ? AND idem_key = ? AND result IS NULL", s -> {
                    s.setString(1, merchantId.value());
                    s.setString(2, key);
                    return s.executeUpdate();
                }));
    }
}
