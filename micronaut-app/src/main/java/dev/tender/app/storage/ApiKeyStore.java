package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Merchants' API keys in PostgreSQL, stored as SHA-256 hashes with their first characters. A key
 * authenticates while it is not revoked, not expired (by the database's clock) and its merchant is not
 * deleted. A key is checked again after {@code tender.api-keys.cache-ttl} ({@link RecentKeys}): a key revoked
 * through this instance is refused from the next request on, through another one within that time.
 */
@Singleton
public class ApiKeyStore {

    /** A new key, in plain text: the only time it is ever shown. */
    public record Created(ApiKey key, String plainKey) {
    }

    public static final int PREFIX_LENGTH = 8;
    private static final String COLUMNS = "key_id, merchant_id, name, description, prefix, created_at, expires_at";

    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final RecentKeys recent;

    public ApiKeyStore(JdbcOperations jdbc, ConnectionOperations<Connection> connections, RecentKeys recent) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.recent = recent;
    }

    /** Creates a key for the merchant, unless the merchant does not exist or was deleted. */
    @Transactional
    public Optional<Created> create(String merchantId, String keyId, String name, @Nullable String description,
                                    @Nullable Instant expiresAt) {
        String plain = ApiKeys.generate("snd");
        ApiKey key = new ApiKey(keyId, merchantId, name, description, plain.substring(0, PREFIX_LENGTH),
                Instant.now().truncatedTo(ChronoUnit.MICROS), expiresAt == null ? null
                : expiresAt.truncatedTo(ChronoUnit.MICROS));
        int created = jdbc.prepareStatement("INSERT INTO api_keys (" + COLUMNS + ", key_hash) "
                + "SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM merchants WHERE merchant_id = ? AND deleted_at IS NULL", s -> {
            bind(s, key);
            s.setString(8, ApiKeys.hash(plain));
            s.setString(9, merchantId);
            return s.executeUpdate();
        });
        return created == 1 ? Optional.of(new Created(key, plain)) : Optional.empty();
    }

    /** The key unless it is revoked (an expired key is still found: it can be given a new expiry). */
    @Transactional
    public Optional<ApiKey> find(String merchantId, String keyId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE merchant_id = ? AND key_id = ? "
                + "AND revoked_at IS NULL", s -> {
            s.setString(1, merchantId);
            s.setString(2, keyId);
            return read(s).stream().findFirst();
        });
    }

    /** The merchant's keys that are not revoked, oldest first; at most {@code limit} (all if null) after {@code skip}. */
    @Transactional
    public List<ApiKey> list(String merchantId, @Nullable Integer limit, int skip) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE merchant_id = ? "
                + "AND revoked_at IS NULL ORDER BY created_at, key_id COLLATE \"C\" LIMIT ? OFFSET ?", s -> {
            s.setString(1, merchantId);
            if (limit == null) {
                s.setNull(2, Types.BIGINT);
            } else {
                s.setLong(2, limit);
            }
            s.setLong(3, skip);
            return read(s);
        });
    }

    /**
     * Changes the key's name, description and expiry, unless it is revoked, in one transaction that holds
     * its row.
     */
    @Transactional
    public Optional<ApiKey> update(String merchantId, String keyId, UnaryOperator<ApiKey> change) {
        Optional<ApiKey> current = jdbc.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE merchant_id = ? "
                + "AND key_id = ? AND revoked_at IS NULL FOR UPDATE", s -> {
            s.setString(1, merchantId);
            s.setString(2, keyId);
            return read(s).stream().findFirst();
        });
        if (current.isEmpty()) {
            return Optional.empty();
        }
        recent.forgetOnCommit();
        ApiKey changed = change.apply(current.get());
        ApiKey updated = current.get().with(changed.name(), changed.description(), changed.expiresAt() == null
                ? null : changed.expiresAt().truncatedTo(ChronoUnit.MICROS));
        jdbc.prepareStatement("UPDATE api_keys SET name = ?, description = ?, expires_at = ? "
                + "WHERE merchant_id = ? AND key_id = ?", s -> {
            s.setString(1, updated.name());
            s.setString(2, updated.description());
            setInstant(s, 3, updated.expiresAt());
            s.setString(4, merchantId);
            s.setString(5, keyId);
            return s.executeUpdate();
        });
        return Optional.of(updated);
    }

    /** Revokes the key: it authenticates no more. False if there is no such key or it was revoked already. */
    @Transactional
    public boolean revoke(String merchantId, String keyId) {
        recent.forgetOnCommit();
        return jdbc.prepareStatement("UPDATE api_keys SET revoked_at = now() WHERE merchant_id = ? AND key_id = ? "
                + "AND revoked_at IS NULL", s -> {
            s.setString(1, merchantId);
            s.setString(2, keyId);
            return s.executeUpdate() == 1;
        });
    }

    /**
     * The merchant of a key that authenticates, found by the key's hash and compared in constant time: from
     * {@link RecentKeys} when this instance looked it up within the TTL, else by one statement that reads the
     * merchant's default profile as well (every request's response needs it).
     */
    public Optional<MerchantId> merchantOfKey(String key) {
        String hash = ApiKeys.hash(key);
        Optional<RecentKeys.Holder> recently = recent.holder(hash, Instant.now());
        if (recently.isPresent()) {
            return Optional.of(recently.get().merchant());
        }
        long generation = recent.generation();
        // a connection, no transaction (BEGIN and COMMIT) around the one statement
        Optional<RecentKeys.Holder> found = Sql.oneStatement(connections, () -> jdbc.prepareStatement(
                "SELECT k.merchant_id, k.key_hash, k.expires_at, m.default_profile_id FROM api_keys k "
                + "JOIN merchants m ON m.merchant_id = k.merchant_id WHERE k.key_hash = ? AND k.revoked_at IS NULL "
                + "AND (k.expires_at IS NULL OR k.expires_at > now()) AND m.deleted_at IS NULL", s -> {
                    s.setString(1, hash);
                    try (ResultSet rows = s.executeQuery()) {
                        if (rows.next() && MessageDigest.isEqual(
                                rows.getString(2).getBytes(StandardCharsets.US_ASCII),
                                hash.getBytes(StandardCharsets.US_ASCII))) {
                            Timestamp expires = rows.getTimestamp(3);
                            return Optional.of(new RecentKeys.Holder(MerchantId.of(rows.getString(1)),
                                    Optional.ofNullable(rows.getString(4)),
                                    expires == null ? null : expires.toInstant()));
                        }
                        return Optional.<RecentKeys.Holder>empty();
                    }
                }));
        found.ifPresent(holder -> recent.remember(generation, hash, holder));
        return found.map(RecentKeys.Holder::merchant);
    }

    private static void bind(PreparedStatement s, ApiKey key) throws SQLException {
        s.setString(1, key.keyId());
        s.setString(2, key.merchantId());
        s.setString(3, key.name());
        s.setString(4, key.description());
        s.setString(5, key.prefix());
        s.setTimestamp(6, Timestamp.from(key.createdAt()));
        setInstant(s, 7, key.expiresAt());
    }

    private static void setInstant(PreparedStatement s, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(index, Timestamp.from(instant));
        }
    }

    private static List<ApiKey> read(PreparedStatement statement) throws SQLException {
        List<ApiKey> keys = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp expires = rows.getTimestamp("expires_at");
                keys.add(new ApiKey(rows.getString("key_id"), rows.getString("merchant_id"), rows.getString("name"),
                        rows.getString("description"), rows.getString("prefix"),
                        rows.getTimestamp("created_at").toInstant(), expires == null ? null : expires.toInstant()));
            }
        }
        return keys;
    }
}
