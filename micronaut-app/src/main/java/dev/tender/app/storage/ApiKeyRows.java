package dev.tender.app.storage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** {@code api_keys} through Micronaut Data JDBC. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRows extends GenericRepository<ApiKeyRow, String> {

    /** Revokes the merchant's keys by the database's clock, those revoked already keeping their time. */
    @Query("UPDATE api_keys SET revoked_at = now() WHERE merchant_id = :merchantId AND revoked_at IS NULL")
    int revokeAll(String merchantId);
}
