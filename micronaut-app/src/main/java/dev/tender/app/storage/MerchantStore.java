package dev.tender.app.storage;

import dev.tender.domain.payment.MerchantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Merchants and their business profiles in PostgreSQL; their API keys are in {@link ApiKeyStore}.
 * A deleted merchant is a mark, not a removed row: it is found no more, its keys are revoked, and its
 * payments, refunds and connector accounts stay as they were. Its id cannot be taken again.
 * The rows go through {@link MerchantRows} and {@link BusinessProfileRows} (Micronaut Data JDBC).
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

    private final MerchantRows rows;
    private final BusinessProfileRows profiles;
    private final ApiKeyRows keyRows;
    private final ApiKeyStore keys;
    private final RecentKeys recent;
    private final WebhookSecrets secrets;

    MerchantStore(MerchantRows rows, BusinessProfileRows profiles, ApiKeyRows keyRows, ApiKeyStore keys,
                  RecentKeys recent, WebhookSecrets secrets) {
        this.rows = rows;
        this.profiles = profiles;
        this.keyRows = keyRows;
        this.keys = keys;
        this.recent = recent;
        this.secrets = secrets;
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
            rows.save(MerchantRow.of(merchant));
        } catch (RuntimeException failure) {
            if (Sql.isUniqueViolation(failure)) {
                throw new DuplicateMerchantException(merchantId, failure);
            }
            throw failure;
        }
        profiles.save(new BusinessProfileRow(merchant.defaultProfileId(), merchantId, DEFAULT_PROFILE, now));
        return merchant;
    }

    /** The merchant, unless it does not exist or was deleted. */
    @Transactional
    public Optional<Merchant> find(String merchantId) {
        return rows.findByMerchantIdAndDeletedAtIsNull(merchantId).map(MerchantRow::merchant);
    }

    /** The merchants that are not deleted, of one organization or of all, oldest first. */
    @Transactional
    public List<Merchant> list(@Nullable String organizationId) {
        return (organizationId == null ? rows.findAllNotDeleted() : rows.findAllNotDeleted(organizationId)).stream()
                .map(MerchantRow::merchant).toList();
    }

    /**
     * Changes the merchant, unless it does not exist or was deleted, in one transaction that holds its row:
     * {@code change} sees it as it is and returns its new name, default profile and settings.
     */
    @Transactional
    public Optional<Merchant> update(String merchantId, UnaryOperator<Merchant> change) {
        Optional<Merchant> current = rows.findByMerchantIdAndDeletedAtIsNullForUpdate(merchantId)
                .map(MerchantRow::merchant);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        recent.forgetOnCommit();
        Merchant changed = change.apply(current.get());
        rows.update(merchantId, changed.merchantName(), changed.defaultProfileId(), changed.settings());
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
        boolean deleted = rows.markDeleted(merchantId) == 1;
        if (deleted) {
            keyRows.revokeAll(merchantId);
        }
        return deleted;
    }

    /** The merchant's profile of that id. */
    @Transactional
    public Optional<BusinessProfile> profile(String merchantId, String profileId) {
        return profiles.findByMerchantIdAndProfileId(merchantId, profileId).map(BusinessProfileRow::profile);
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
        Optional<String> profile = rows.findDefaultProfileIdByMerchantId(merchantId.value());
        profile.ifPresent(id -> recent.rememberProfile(generation, merchantId, profile));
        return profile;
    }

    /**
     * Where the merchant's webhooks go, its secrets opened: empty when it has no {@code webhook_url}, does not
     * exist or was deleted, or when a secret does not open (a key no longer configured, a damaged row: logged by
     * merchant id, never quoting the value). One statement, no transaction around it: the delivery calls it
     * before each attempt.
     */
    public Optional<WebhookTarget> webhookTarget(MerchantId merchant) {
        return rows.findByMerchantIdAndDeletedAtIsNull(merchant.value())
                .flatMap(row -> WebhookTargets.of(merchant.value(), row.settings(), secrets));
    }

    @Transactional
    public boolean any() {
        return rows.any();
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
}
