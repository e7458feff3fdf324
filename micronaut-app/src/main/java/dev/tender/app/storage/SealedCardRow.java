package dev.tender.app.storage;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code held_cards} (V9): one payment's card, sealed ({@link JdbcHeldCards}), until its hold ends.
 * Never versioned: a new hold replaces the payment's earlier one ({@link SealedCardRows#hold}).
 */
@MappedEntity("held_cards")
record SealedCardRow(@EmbeddedId Key id, String sealedCard, Instant heldUntil) {

    /** The payment's key. */
    @Embeddable
    record Key(@MappedProperty("merchant_id") String merchantId, @MappedProperty("payment_id") String paymentId) {
    }
}
