package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Merchants and their business profiles in PostgreSQL; their API keys are in {@link ApiKeyStore}.
 * A deleted merchant is a mark, not a removed row: it is found no more, its keys are revoked, and its
 * payments, refunds and connector accounts stay as they were. Its id cannot be taken again.
 */
@Singleton
public class MerchantStore {

    public static final String DEFAULT_PROFILE = "default";

    /** The merchant id is taken (by a merchant that exists or one that was deleted). */
    public static final class DuplicateMerchantException extends RuntimeException {
        DuplicateMerchantException(String merchantId, Throwable cause) {
            super("merchant " + merchantId + " already exists", cause);
        }
    }

    private static final String COLUMNS = "merchant_id, merchant_name, publishable_key, organization_id, "
            + "default_profile_id, settings, created_at";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final ApiKeyStore keys;
    private final RecentKeys recent;
    private final ConnectionOperations<Connection> connections;

    public MerchantStore(JdbcOperations jdbc, JsonMapper json, ApiKeyStore keys, RecentKeys recent,
                         ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.json = json;
        this.keys = keys;
        this.recent = recent;
        this.connections = connections;
    }

    /** A merchant with only a name, in an organization of its own, with its default profile. */
    @Transactional
    public Merchant create(String merchantId, @Nullable String merchantName) {
        return create(merchantId, merchantName, null, MerchantSettings.NONE);
    }

    /**
     * Creates the merchant and its default profile together; without an organization id, the merchant gets
     * an organization of its own.
     *
     * @throws DuplicateMerchantException if the id is taken
     */
    @Transactional
    public Merchant create(String merchantId, @Nullable String merchantName, @Nullable String organizationId,
                           MerchantSettings settings) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Merchant merchant = new Merchant(merchantId, merchantName, ApiKeys.generate("pk_snd"),
                organizationId != null ? organizationId : AdminIds.newId("org"), AdminIds.newId("pro"), settings,
                now);
        try {
            jdbc.prepareStatement("INSERT INTO merchants (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", s -> {
                s.setString(1, merchant.merchantId());
                s.setString(2, merchant.merchantName());
                s.setString(3, merchant.publishableKey());
                s.setString(4, merchant.organizationId());
                s.setString(5, merchant.defaultProfileId());
                s.setString(6, write(settings));
                s.setTimestamp(7, Timestamp.from(now));
                return s.executeUpdate();
            });
        } catch (RuntimeException failure) {
            if (Sql.isUniqueViolation(failure)) {
                throw new DuplicateMerchantException(merchantId, failure);
            }
            throw failure;
        }
        jdbc.prepareStatement("INSERT INTO business_profiles (profile_id, merchant_id, profile_name, created_at) "
                + "VALUES (?, ?, ?, ?)", s -> {
            s.setString(1, merchant.defaultProfileId());
            s.setString(2, merchantId);
            s.setString(3, DEFAULT_PROFILE);
            s.setTimestamp(4, Timestamp.from(now));
            return s.executeUpdate();
        });
        return merchant;
    }

    /** The merchant, unless it does not exist or was deleted. */
    @Transactional
    public Optional<Merchant> find(String merchantId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM merchants WHERE merchant_id = ? "
                + "AND deleted_at IS NULL", s -> {
            s.setString(1, merchantId);
            return read(s).stream().findFirst();
        });
    }

    /** The merchants that are not deleted, of one organization or of all, oldest first. */
    @Transactional
    public List<Merchant> list(@Nullable String organizationId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM merchants WHERE deleted_at IS NULL"
                + (organizationId == null ? "" : " AND organization_id = ?")
                + " ORDER BY created_at, merchant_id COLLATE \"C\"", s -> {
            if (organizationId != null) {
                s.setString(1, organizationId);
            }
            return read(s);
        });
    }

    /**
     * Changes the merchant, unless it does not exist or was deleted, in one transaction that holds its row:
     * {@code change} sees it as it is and returns its new name, default profile and settings.
     */
    @Transactional
    public Optional<Merchant> update(String merchantId, UnaryOperator<Merchant> change) {
        Optional<Merchant> current = jdbc.prepareStatement("SELECT " + COLUMNS + " FROM merchants "
                + "WHERE merchant_id = ? AND deleted_at IS NULL FOR UPDATE", s -> {
            s.setString(1, merchantId);
            return read(s).stream().findFirst();
        });
        if (current.isEmpty()) {
            return Optional.empty();
        }
        recent.forgetOnCommit();
        Merchant changed = change.apply(current.get());
        jdbc.prepareStatement("UPDATE merchants SET merchant_name = ?, default_profile_id = ?, settings = ? "
                + "WHERE merchant_id = ?", s -> {
            s.setString(1, changed.merchantName());
            s.setString(2, changed.defaultProfileId());
            s.setString(3, write(changed.settings()));
            s.setString(4, merchantId);
            return s.executeUpdate();
        });
        return Optional.of(current.get().with(changed.merchantName(), changed.defaultProfileId(),
                changed.settings()));
    }

    /**
     * Marks the merchant deleted and revokes its keys, at once: none of them authenticates any more. False if
     * there was no such merchant, or it was deleted already.
     */
    @Transactional
    public boolean delete(String merchantId) {
        recent.forgetOnCommit();
        boolean deleted = jdbc.prepareStatement("UPDATE merchants SET deleted_at = now() WHERE merchant_id = ? "
                + "AND deleted_at IS NULL", s -> {
            s.setString(1, merchantId);
            return s.executeUpdate() == 1;
        });
        if (deleted) {
            jdbc.prepareStatement("UPDATE api_keys SET revoked_at = now() WHERE merchant_id = ? "
                    + "AND revoked_at IS NULL", s -> {
                s.setString(1, merchantId);
                return s.executeUpdate();
            });
        }
        return deleted;
    }

    /** The merchant's profile of that id. */
    @Transactional
    public Optional<BusinessProfile> profile(String merchantId, String profileId) {
        return jdbc.prepareStatement("SELECT profile_id, merchant_id, profile_name, created_at FROM business_profiles "
                + "WHERE merchant_id = ? AND profile_id = ?", s -> {
            s.setString(1, merchantId);
            s.setString(2, profileId);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next()
                        ? Optional.of(new BusinessProfile(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getTimestamp(4).toInstant()))
                        : Optional.<BusinessProfile>empty();
            }
        });
    }

    /**
     * The id of the merchant's default business profile, deleted merchant or not (its payments still show
     * it); empty for an unknown merchant or one made without a profile. Every response needs it: the
     * request's API key lookup read it a moment before ({@link RecentKeys}), else one statement.
     */
    public Optional<String> defaultProfileId(MerchantId merchantId) {
        Optional<Optional<String>> recently = recent.defaultProfile(merchantId);
        if (recently.isPresent()) {
            return recently.get();
        }
        long generation = recent.generation();
        // a connection, no transaction (BEGIN and COMMIT) around the one statement
        Optional<String> profile = Sql.oneStatement(connections, () -> jdbc.prepareStatement(
                "SELECT default_profile_id FROM merchants WHERE merchant_id = ?", s -> {
                    s.setString(1, merchantId.value());
                    try (ResultSet rows = s.executeQuery()) {
                        return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty();
                    }
                }));
        profile.ifPresent(id -> recent.rememberProfile(generation, merchantId, profile));
        return profile;
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

    /** Creates a key that never expires and returns it in plain text, the only time it is ever shown. */
    public String createApiKey(String merchantId, String keyId, String name) {
        return keys.create(merchantId, keyId, name, null, null)
                .orElseThrow(() -> new IllegalArgumentException("no merchant " + merchantId)).plainKey();
    }

    /** The merchant of a key that is neither revoked nor expired, of a merchant not deleted. */
    public Optional<MerchantId> merchantOfKey(String key) {
        return keys.merchantOfKey(key);
    }

    /** The merchant's keys that are not revoked, oldest first. */
    public List<ApiKey> apiKeys(String merchantId) {
        return keys.list(merchantId, null, 0);
    }

    private List<Merchant> read(PreparedStatement statement) throws SQLException {
        List<Merchant> merchants = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                merchants.add(new Merchant(rows.getString("merchant_id"), rows.getString("merchant_name"),
                        rows.getString("publishable_key"), rows.getString("organization_id"),
                        rows.getString("default_profile_id"), settings(rows.getString("settings")),
                        rows.getTimestamp("created_at").toInstant()));
            }
        }
        return merchants;
    }

    private String write(MerchantSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MerchantSettings settings(String text) {
        try {
            return json.readValue(text, MerchantSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
