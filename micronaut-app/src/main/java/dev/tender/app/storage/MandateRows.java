package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code mandates} through Micronaut Data JDBC; updates compare and raise the {@code @Version} column. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MandateRows extends GenericRepository<MandateRow, MandateRow.Key> {

    /**
     * Inserts the mandate unless either unique key is taken: 0 then. {@code ON CONFLICT DO NOTHING} rather than a
     * plain insert, as a unique violation would abort the surrounding unit of work's transaction.
     */
    @Query("INSERT INTO mandates (merchant_id, mandate_id, customer_id, status, mandate_type, amount_limit, currency, "
            + "connector_account_id, connector_mandate_reference, acceptance, setup_payment_id, charges, created_at, "
            + "updated_at, version) VALUES (:merchantId, :mandateId, :customerId, :status, :mandateType, "
            + ":amountLimit, :currency, :connectorAccountId, :connectorMandateReference, :acceptance, "
            + ":setupPaymentId, :charges, :createdAt, :updatedAt, 1) ON CONFLICT DO NOTHING")
    int insertNew(String merchantId, String mandateId, String customerId, String status, String mandateType,
                  @Nullable Long amountLimit, String currency, String connectorAccountId,
                  String connectorMandateReference, @TypeDef(type = DataType.JSON) JsonColumns.AcceptanceRow acceptance,
                  String setupPaymentId, @TypeDef(type = DataType.JSON) List<String> charges, Instant createdAt,
                  Instant updatedAt);

    /** Throws {@link io.micronaut.data.exceptions.OptimisticLockException} when the version is not the row's. */
    MandateRow update(MandateRow row);

    Optional<MandateRow> findById(MandateRow.Key id);

    boolean existsById(MandateRow.Key id);

    Optional<MandateRow> findByIdMerchantIdAndSetupPaymentId(String merchantId, String setupPaymentId);

    /** The mandates of the ids and those the setup payments set up: what a page of payments charged or set up. */
    @Query("SELECT * FROM mandates WHERE merchant_id = :merchantId "
            + "AND (mandate_id = ANY (:mandateIds) OR setup_payment_id = ANY (:setupPaymentIds))")
    List<MandateRow> findAll(String merchantId, String[] mandateIds, String[] setupPaymentIds);

    /** Oldest first; equal times in the ids' byte order, whatever the database's collation. */
    @Query("SELECT * FROM mandates WHERE merchant_id = :merchantId AND customer_id = :customerId "
            + "ORDER BY created_at, mandate_id COLLATE \"C\"")
    List<MandateRow> forCustomer(String merchantId, String customerId);
}
