package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code vaulted_cards} through Micronaut Data JDBC. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface VaultedCardRows extends GenericRepository<VaultedCardRow, VaultedCardRow.Key> {

    /**
     * Inserts the card unless the merchant has its fingerprint already (another store of the same number won):
     * 0 then. {@code ON CONFLICT DO NOTHING}, as a unique violation would abort a surrounding transaction.
     */
    @Query("INSERT INTO vaulted_cards (merchant_id, token, customer_id, fingerprint, card_bin, last_four, "
            + "expiry_month, expiry_year, brand, key_id, wrapped_key, sealed_number, sealed_holder, created_at) "
            + "VALUES (:merchantId, :token, :customerId, :fingerprint, :cardBin, :lastFour, :expiryMonth, "
            + ":expiryYear, :brand, :keyId, :wrappedKey, :sealedNumber, :sealedHolder, :createdAt) "
            + "ON CONFLICT DO NOTHING")
    int insertNew(String merchantId, String token, String customerId, String fingerprint, String cardBin,
                  String lastFour, int expiryMonth, int expiryYear, String brand, String keyId, byte[] wrappedKey,
                  byte[] sealedNumber, @Nullable byte[] sealedHolder, Instant createdAt);

    Optional<VaultedCardRow> findById(VaultedCardRow.Key id);

    /** The merchant's card of any of the fingerprints (one per configured master key). */
    @Query("SELECT * FROM vaulted_cards WHERE merchant_id = :merchantId AND fingerprint = ANY (:fingerprints) "
            + "ORDER BY created_at, token COLLATE \"C\" LIMIT 1")
    Optional<VaultedCardRow> findByFingerprint(String merchantId, String[] fingerprints);

    /** Oldest first; equal times in the tokens' byte order, whatever the database's collation. */
    @Query("SELECT * FROM vaulted_cards WHERE merchant_id = :merchantId AND customer_id = :customerId "
            + "ORDER BY created_at, token COLLATE \"C\"")
    List<VaultedCardRow> forCustomer(String merchantId, String customerId);

    int deleteById(VaultedCardRow.Key id);

    @Query("SELECT DISTINCT key_id FROM vaulted_cards")
    List<String> keyIds();

    /** The next rows after the given one whose data key is not under the active master key. */
    @Query("SELECT * FROM vaulted_cards WHERE key_id <> :activeKeyId "
            + "AND (merchant_id, token) > (:afterMerchantId, :afterToken) ORDER BY merchant_id, token LIMIT :limit")
    List<VaultedCardRow> notUnder(String activeKeyId, String afterMerchantId, String afterToken, int limit);

    /**
     * The data key re-wrapped (and the fingerprint under the new key) if the row still holds what was read. The
     * fingerprint stays if another card of the merchant has the new one (the same number saved by an instance that
     * did not hold the old key): two tokens for one card, rather than a unique violation that stops the start.
     */
    @Query("UPDATE vaulted_cards SET key_id = :keyId, wrapped_key = :wrappedKey, fingerprint = CASE WHEN EXISTS "
            + "(SELECT 1 FROM vaulted_cards o WHERE o.merchant_id = :merchantId AND o.fingerprint = :fingerprint) "
            + "THEN vaulted_cards.fingerprint ELSE :fingerprint END "
            + "WHERE merchant_id = :merchantId AND token = :token AND key_id = :oldKeyId "
            + "AND wrapped_key = :oldWrappedKey")
    int rewrap(String merchantId, String token, String oldKeyId, byte[] oldWrappedKey, String keyId,
               byte[] wrappedKey, String fingerprint);
}
