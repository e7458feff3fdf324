package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code api_keys} through Micronaut Data JDBC. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRows extends GenericRepository<ApiKeyRow, String> {

    /** Inserts the key if its merchant exists and is not deleted, in one statement: 1, else 0. */
    @Query("INSERT INTO api_keys (key_id, merchant_id, name, description, prefix, created_at, expires_at, key_hash) "
            + "SELECT :keyId, :merchantId, :name, :description, :prefix, :createdAt, :expiresAt, :keyHash "
            + "FROM merchants WHERE merchant_id = :merchantId AND deleted_at IS NULL")
    int insertForMerchant(String keyId, String merchantId, String name, @Nullable String description, String prefix,
                          Instant createdAt, @Nullable Instant expiresAt, String keyHash);

    Optional<ApiKeyRow> findByMerchantIdAndKeyIdAndRevokedAtIsNull(String merchantId, String keyId);

    /** The row, held until the transaction ends: a change sees it as it is. */
    Optional<ApiKeyRow> findByMerchantIdAndKeyIdAndRevokedAtIsNullForUpdate(String merchantId, String keyId);

    /** Oldest first, equal times in the ids' byte order; at most {@code limit} (all if null) after {@code skip}. */
    @Query("SELECT * FROM api_keys WHERE merchant_id = :merchantId AND revoked_at IS NULL "
            + "ORDER BY created_at, key_id COLLATE \"C\" LIMIT :limit OFFSET :skip")
    List<ApiKeyRow> findPage(String merchantId, @Nullable Long limit, long skip);

    void update(@Id String keyId, @Nullable String name, @Nullable String description, @Nullable Instant expiresAt);

    /** Revokes the key by the database's clock; 0 if there is none or it was revoked already. */
    @Query("UPDATE api_keys SET revoked_at = now() WHERE merchant_id = :merchantId AND key_id = :keyId "
            + "AND revoked_at IS NULL")
    int revoke(String merchantId, String keyId);

    /** Revokes the merchant's keys by the database's clock, those revoked already keeping their time. */
    @Query("UPDATE api_keys SET revoked_at = now() WHERE merchant_id = :merchantId AND revoked_at IS NULL")
    int revokeAll(String merchantId);

    /**
     * The key of this hash if it authenticates (not revoked, not expired by the database's clock, its merchant not
     * deleted), with its merchant's default profile: one statement on every request's path, so written by hand.
     */
    @Query("SELECT k.merchant_id, k.key_hash, k.expires_at, m.default_profile_id FROM api_keys k "
            + "JOIN merchants m ON m.merchant_id = k.merchant_id WHERE k.key_hash = :keyHash AND k.revoked_at IS NULL "
            + "AND (k.expires_at IS NULL OR k.expires_at > now()) AND m.deleted_at IS NULL")
    Optional<KeyHolderRow> findHolder(String keyHash);
}
