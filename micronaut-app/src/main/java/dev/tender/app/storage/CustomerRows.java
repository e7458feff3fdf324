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
import java.util.Map;
import java.util.Optional;

/** {@code customers} through Micronaut Data JDBC; updates compare and raise the {@code @Version} column. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CustomerRows extends GenericRepository<CustomerRow, CustomerRow.Key> {

    /**
     * Inserts the customer unless its id is taken (by a deleted customer too): 0 then. {@code ON CONFLICT DO
     * NOTHING}, as a unique violation would abort a surrounding transaction.
     */
    @Query("INSERT INTO customers (merchant_id, customer_id, name, email, phone, phone_country_code, description, "
            + "tax_registration_id, address, metadata, created_at, updated_at, deleted_at, version) VALUES "
            + "(:merchantId, :customerId, :name, :email, :phone, :phoneCountryCode, :description, "
            + ":taxRegistrationId, :address, :metadata, :createdAt, :updatedAt, NULL, 1) ON CONFLICT DO NOTHING")
    int insertNew(String merchantId, String customerId, @Nullable String name, @Nullable String email,
                  @Nullable String phone, @Nullable String phoneCountryCode, @Nullable String description,
                  @Nullable String taxRegistrationId, @Nullable String address,
                  @Nullable @TypeDef(type = DataType.JSON) Map<String, String> metadata, Instant createdAt,
                  Instant updatedAt);

    /**
     * Inserts the customer, or sets the fields given (not null) on the one of that id unless it is deleted: one
     * statement, so that a payment naming its customer costs one more statement only.
     */
    @Query("INSERT INTO customers (merchant_id, customer_id, name, email, phone, phone_country_code, description, "
            + "tax_registration_id, address, metadata, created_at, updated_at, deleted_at, version) VALUES "
            + "(:merchantId, :customerId, :name, :email, :phone, :phoneCountryCode, :description, "
            + ":taxRegistrationId, :address, :metadata, :createdAt, :updatedAt, NULL, 1) "
            + "ON CONFLICT (merchant_id, customer_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, customers.name), "
            + "email = COALESCE(EXCLUDED.email, customers.email), phone = COALESCE(EXCLUDED.phone, customers.phone), "
            + "phone_country_code = COALESCE(EXCLUDED.phone_country_code, customers.phone_country_code), "
            + "description = COALESCE(EXCLUDED.description, customers.description), "
            + "tax_registration_id = COALESCE(EXCLUDED.tax_registration_id, customers.tax_registration_id), "
            + "address = COALESCE(EXCLUDED.address, customers.address), "
            + "metadata = COALESCE(EXCLUDED.metadata, customers.metadata), updated_at = EXCLUDED.updated_at, "
            + "version = customers.version + 1 WHERE customers.deleted_at IS NULL")
    int upsert(String merchantId, String customerId, @Nullable String name, @Nullable String email,
               @Nullable String phone, @Nullable String phoneCountryCode, @Nullable String description,
               @Nullable String taxRegistrationId, @Nullable String address,
               @Nullable @TypeDef(type = DataType.JSON) Map<String, String> metadata, Instant createdAt,
               Instant updatedAt);

    /** Throws {@link io.micronaut.data.exceptions.OptimisticLockException} when the version is not the row's. */
    CustomerRow update(CustomerRow row);

    Optional<CustomerRow> findById(CustomerRow.Key id);

    /** The merchant's customers that are not deleted, oldest first, equal times in the ids' byte order. */
    @Query("SELECT * FROM customers WHERE merchant_id = :merchantId AND deleted_at IS NULL "
            + "ORDER BY created_at, customer_id COLLATE \"C\" LIMIT :limit OFFSET :offset")
    List<CustomerRow> page(String merchantId, long limit, long offset);
}
