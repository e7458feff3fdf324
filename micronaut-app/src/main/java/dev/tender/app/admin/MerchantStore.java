package dev.tender.app.admin;

import dev.tender.app.auth.ApiKeys;
import dev.tender.domain.payment.MerchantId;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Merchants and their API keys (hashed) in PostgreSQL. */
@Singleton
public class MerchantStore {

    public record Merchant(String merchantId, String merchantName, String publishableKey, Instant createdAt) {
    }

    public record ApiKey(String keyId, String merchantId, String name, String prefix, Instant createdAt) {
    }

    private final JdbcOperations jdbc;

    public MerchantStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Merchant create(String merchantId, String merchantName) {
        Merchant merchant = new Merchant(merchantId, merchantName, ApiKeys.generate("pk_snd"),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.prepareStatement("INSERT INTO merchants (merchant_id, merchant_name, publishable_key, created_at) "
                + "VALUES (?, ?, ?, ?)", statement -> {
            statement.setString(1, merchant.merchantId());
            statement.setString(2, merchant.merchantName());
            statement.setString(3, merchant.publishableKey());
            statement.setTimestamp(4, Timestamp.from(merchant.createdAt()));
            return statement.executeUpdate();
        });
        return merchant;
    }

    @Transactional
    public Optional<Merchant> find(String merchantId) {
        return jdbc.prepareStatement("SELECT merchant_id, merchant_name, publishable_key, created_at FROM merchants "
                + "WHERE merchant_id = ?", statement -> {
            statement.setString(1, merchantId);
            try (var rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Merchant(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getTimestamp(4).toInstant()))
                        : Optional.<Merchant>empty();
            }
        });
    }

    @Transactional
    public boolean any() {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM merchants)", statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }

    /** Creates a key and returns it in plain text, the only time it is ever shown. */
    @Transactional
    public String createApiKey(String merchantId, String keyId, String name) {
        String key = ApiKeys.generate("snd");
        jdbc.prepareStatement("INSERT INTO api_keys (key_id, merchant_id, name, key_hash, prefix, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, keyId);
            statement.setString(2, merchantId);
            statement.setString(3, name);
            statement.setString(4, ApiKeys.hash(key));
            statement.setString(5, key.substring(0, 8));
            statement.setTimestamp(6, Timestamp.from(Instant.now()));
            return statement.executeUpdate();
        });
        return key;
    }

    /** The merchant of an unrevoked key, found by the key's hash. */
    @Transactional
    public Optional<MerchantId> merchantOfKey(String key) {
        String hash = ApiKeys.hash(key);
        return jdbc.prepareStatement("SELECT merchant_id, key_hash FROM api_keys WHERE key_hash = ? "
                + "AND revoked_at IS NULL", statement -> {
            statement.setString(1, hash);
            try (var rows = statement.executeQuery()) {
                if (rows.next() && java.security.MessageDigest.isEqual(rows.getString(2).getBytes(),
                        hash.getBytes())) {
                    return Optional.of(MerchantId.of(rows.getString(1)));
                }
                return Optional.<MerchantId>empty();
            }
        });
    }

    @Transactional
    public List<ApiKey> apiKeys(String merchantId) {
        return jdbc.prepareStatement("SELECT key_id, merchant_id, name, prefix, created_at FROM api_keys "
                + "WHERE merchant_id = ? AND revoked_at IS NULL ORDER BY created_at", statement -> {
            statement.setString(1, merchantId);
            try (var rows = statement.executeQuery()) {
                List<ApiKey> keys = new java.util.ArrayList<>();
                while (rows.next()) {
                    keys.add(new ApiKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getTimestamp(5).toInstant()));
                }
                return keys;
            }
        });
    }
}
