package dev.tender.app.storage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** {@code redirect_returns} through Micronaut Data JDBC. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RedirectReturnRows extends GenericRepository<RedirectReturnRow, RedirectReturnRow.Key> {

    /** Keeps the URL, replacing the payment's earlier one: an upsert, one statement, written by hand. */
    @Query("INSERT INTO redirect_returns (merchant_id, payment_id, return_url) VALUES (:merchantId, :paymentId, "
            + ":returnUrl) ON CONFLICT (merchant_id, payment_id) DO UPDATE SET return_url = EXCLUDED.return_url")
    void keep(String merchantId, String paymentId, String returnUrl);

    Optional<RedirectReturnRow> findById(RedirectReturnRow.Key id);
}
