package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Merchants' API keys in PostgreSQL, stored as SHA-256 hashes with their first characters. A key
 * authenticates while it is not revoked, not expired (by the database's clock) and its merchant is not
 * deleted. A key is checked again after {@code tender.api-keys.cache-ttl} ({@link RecentKeys}): a key revoked
 * through this instance is refused from the next request on, through another one within that time.
 * The rows go through {@link ApiKeyRows} (Micronaut Data JDBC).
 */
@Singleton
public class ApiKeyStore {

    /** A new key, in plain text: the only time it is ever shown. */
    public record Created(ApiKey key, String plainKey) {
    }

    public static final int PREFIX_LENGTH = 8;

    private final ApiKeyRows rows;
    private final RecentKeys recent;

    ApiKeyStore(ApiKeyRows rows, RecentKeys recent) {
        this.rows = rows;
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
        int created = rows.insertForMerchant(key.keyId(), merchantId, key.name(), key.description(), key.prefix(),
                key.createdAt(), key.expiresAt(), ApiKeys.hash(plain));
        return created == 1 ? Optional.of(new Created(key, plain)) : Optional.empty();
    }

    /** The key unless it is revoked (an expired key is still found: it can be given a new expiry). */
    @Transactional
    public Optional<ApiKey> find(String merchantId, String keyId) {
        return rows.findByMerchantIdAndKeyIdAndRevokedAtIsNull(merchantId, keyId).map(ApiKeyStore::key);
    }

    /** The merchant's keys that are not revoked, oldest first; at most {@code limit} (all if null) after {@code skip}. */
    @Transactional
    public List<ApiKey> list(String merchantId, @Nullable Integer limit, int skip) {
        return rows.findPage(merchantId, limit == null ? null : limit.longValue(), skip).stream()
                .map(ApiKeyStore::key).toList();
    }

    /**
     * Changes the key's name, description and expiry, unless it is revoked, in one transaction that holds
     * its row.
     */
    @Transactional
    public Optional<ApiKey> update(String merchantId, String keyId, UnaryOperator<ApiKey> change) {
        Optional<ApiKey> current = rows.findByMerchantIdAndKeyIdAndRevokedAtIsNullForUpdate(merchantId, keyId)
                .map(ApiKeyStore::key);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        recent.forgetOnCommit();
        ApiKey changed = change.apply(current.get());
        ApiKey updated = current.get().with(changed.name(), changed.description(), changed.expiresAt() == null
                ? null : changed.expiresAt().truncatedTo(ChronoUnit.MICROS));
        rows.update(keyId, updated.name(), updated.description(), updated.expiresAt());
        return Optional.of(updated);
    }

    /** Revokes the key: it authenticates no more. False if there is no such key or it was revoked already. */
    @Transactional
    public boolean revoke(String merchantId, String keyId) {
        recent.forgetOnCommit();
        return rows.revoke(merchantId, keyId) == 1;
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
        Optional<RecentKeys.Holder> found = rows.findHolder(hash)
                .filter(row -> MessageDigest.isEqual(row.keyHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .map(row -> new RecentKeys.Holder(MerchantId.of(row.merchantId()),
                        Optional.ofNullable(row.defaultProfileId()), row.expiresAt()));
        found.ifPresent(holder -> recent.remember(generation, hash, holder));
        return found.map(RecentKeys.Holder::merchant);
    }

    private static ApiKey key(ApiKeyRow row) {
        return new ApiKey(row.keyId(), row.merchantId(), row.name(), row.description(), row.prefix(), row.createdAt(),
                row.expiresAt());
    }
}
