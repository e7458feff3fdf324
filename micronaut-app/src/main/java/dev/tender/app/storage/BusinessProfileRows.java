package dev.tender.app.storage;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** {@code business_profiles} through Micronaut Data JDBC. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface BusinessProfileRows extends GenericRepository<BusinessProfileRow, String> {

    BusinessProfileRow save(BusinessProfileRow row);

    Optional<BusinessProfileRow> findByMerchantIdAndProfileId(String merchantId, String profileId);
}
