package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** {@code merchants} through Micronaut Data JDBC. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MerchantRows extends GenericRepository<MerchantRow, String> {

    MerchantRow save(MerchantRow row);

    Optional<MerchantRow> findByMerchantIdAndDeletedAtIsNull(String merchantId);

    /** The row, held until the transaction ends: a change sees it as it is. */
    Optional<MerchantRow> findByMerchantIdAndDeletedAtIsNullForUpdate(String merchantId);

    /** Oldest first; equal times in the ids' byte order, whatever the database's collation. */
    @Query("SELECT * FROM merchants WHERE deleted_at IS NULL ORDER BY created_at, merchant_id COLLATE \"C\"")
    List<MerchantRow> findAllNotDeleted();

    /** As {@link #findAllNotDeleted}, of one organization. */
    @Query("SELECT * FROM merchants WHERE deleted_at IS NULL AND organization_id = :organizationId "
            + "ORDER BY created_at, merchant_id COLLATE \"C\"")
    List<MerchantRow> findAllNotDeleted(String organizationId);

    void update(@Id String merchantId, @Nullable String merchantName, @Nullable String defaultProfileId,
                @TypeDef(type = DataType.JSON) MerchantSettings settings);

    /** Marks the merchant deleted by the database's clock; 0 if there is none or it was deleted already. */
    @Query("UPDATE merchants SET deleted_at = now() WHERE merchant_id = :merchantId AND deleted_at IS NULL")
    int markDeleted(String merchantId);

    /** Deleted merchant or not; empty for one made without a profile. */
    Optional<String> findDefaultProfileIdByMerchantId(String merchantId);

    @Query("SELECT EXISTS (SELECT 1 FROM merchants)")
    boolean any();
}
