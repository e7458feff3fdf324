package dev.tender.app.storage;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** {@code held_cards} through Micronaut Data JDBC. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SealedCardRows extends GenericRepository<SealedCardRow, SealedCardRow.Key> {

    /** Holds the card, replacing the payment's earlier one: an upsert, one statement, written by hand. */
    @Query("INSERT INTO held_cards (merchant_id, payment_id, sealed_card, held_until) VALUES (:merchantId, "
            + ":paymentId, :sealedCard, :heldUntil) ON CONFLICT (merchant_id, payment_id) DO UPDATE "
            + "SET sealed_card = EXCLUDED.sealed_card, held_until = EXCLUDED.held_until")
    void hold(String merchantId, String paymentId, String sealedCard, Instant heldUntil);

    Optional<SealedCardRow> findById(SealedCardRow.Key id);

    void deleteById(SealedCardRow.Key id);

    /** The one payment's row if its hold has ended: a hold renewed meanwhile stays. */
    int deleteByIdAndHeldUntilLessThanEquals(SealedCardRow.Key id, Instant now);

    int deleteByHeldUntilLessThanEquals(Instant now);
}
