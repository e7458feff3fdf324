package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code http_idempotency} table: the HTTP layer's {@code Idempotency-Key}s, their leases and the responses
 * kept for replay (the rules are the API's {@code HttpIdempotency}). Each statement commits on its own; leases
 * are read and written on the database's clock, the one clock every instance shares.
 */
@Singleton
public class JdbcHttpIdempotency {

    /**
     * A key as stored; {@code status} is null while its request runs.
     *
     * @param abandoned no response and the lease over: its instance died, a retry may take it over
     */
    public record Stored(String fingerprint, @Nullable Integer status, String body, boolean abandoned) {
    }

    private final JdbcOperations jdbc;

    public JdbcHttpIdempotency(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key, leased for {@code lease}: false if it exists already. */
    public boolean claim(MerchantId merchant, String key, String fingerprint, Duration lease) {
        return jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("INSERT INTO http_idempotency "
                    + "(merchant_id, idem_key, fingerprint, created_at, lease_until) "
                    + "VALUES (?, ?, ?, ?, now() + make_interval(secs => ?)) ON CONFLICT DO NOTHING")) {
                statement.setString(1, merchant.value());
                statement.setString(2, key);
                statement.setString(3, fingerprint);
                statement.setTimestamp(4, Timestamp.from(Instant.now()));
                statement.setDouble(5, lease.toMillis() / 1000.0);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /**
     * Takes over a key whose request ended without a response and whose lease is over (its instance died):
     * one caller wins, and gets when the key was first claimed. Tried only once a read saw it abandoned, so a
     * replay of a finished request costs no write.
     */
    public Optional<Instant> takeOver(MerchantId merchant, String key, String fingerprint, Duration lease) {
        return jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("UPDATE http_idempotency "
                    + "SET lease_until = now() + make_interval(secs => ?), takeovers = takeovers + 1 "
                    + "WHERE merchant_id = ? AND idem_key = ? AND fingerprint = ? AND status_code IS NULL "
                    + "AND (lease_until IS NULL OR lease_until < now()) RETURNING created_at")) {
                statement.setDouble(1, lease.toMillis() / 1000.0);
                statement.setString(2, merchant.value());
                statement.setString(3, key);
                statement.setString(4, fingerprint);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
                }
            }
        });
    }

    /** Ends the lease of a key in progress at once, so the next retry looks again. */
    public void endLease(MerchantId merchant, String key) {
        jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("UPDATE http_idempotency SET lease_until = now() "
                    + "WHERE merchant_id = ? AND idem_key = ? AND status_code IS NULL")) {
                statement.setString(1, merchant.value());
                statement.setString(2, key);
                return statement.executeUpdate();
            }
        });
    }

    public Optional<Stored> find(MerchantId merchant, String key) {
        return jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("SELECT fingerprint, status_code, response_body, "
                    + "status_code IS NULL AND (lease_until IS NULL OR lease_until < now()) "
                    + "FROM http_idempotency WHERE merchant_id = ? AND idem_key = ?")) {
                statement.setString(1, merchant.value());
                statement.setString(2, key);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<Stored>empty();
                    }
                    int status = rows.getInt(2);
                    Integer code = rows.wasNull() ? null : status;
                    String body = rows.getString(3);
                    return Optional.of(new Stored(rows.getString(1), code, body == null ? "" : body,
                            rows.getBoolean(4)));
                }
            }
        });
    }

    /** Keeps the response of the key's request, for replay. */
    public void complete(MerchantId merchant, String key, int status, String body) {
        jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("UPDATE http_idempotency SET status_code = ?, "
                    + "response_body = ? WHERE merchant_id = ? AND idem_key = ?")) {
                statement.setInt(1, status);
                statement.setString(2, body);
                statement.setString(3, merchant.value());
                statement.setString(4, key);
                return statement.executeUpdate();
            }
        });
    }

    /** Frees the key unless it has a response: the client may retry with it. */
    public void release(MerchantId merchant, String key) {
        jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("DELETE FROM http_idempotency "
                    + "WHERE merchant_id = ? AND idem_key = ? AND status_code IS NULL")) {
                statement.setString(1, merchant.value());
                statement.setString(2, key);
                return statement.executeUpdate();
            }
        });
    }
}
