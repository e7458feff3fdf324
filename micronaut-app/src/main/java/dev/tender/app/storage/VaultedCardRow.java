package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code vaulted_cards} (V13): a saved card's display data in clear, its number and holder sealed under
 * its data key, and the data key wrapped under the master key {@code keyId} ({@link VaultEnvelope}).
 */
@MappedEntity("vaulted_cards")
record VaultedCardRow(@EmbeddedId Key id, String customerId, String fingerprint, String cardBin, String lastFour,
                      int expiryMonth, int expiryYear, String brand, String keyId, byte[] wrappedKey,
                      byte[] sealedNumber, @Nullable byte[] sealedHolder, Instant createdAt) {

    /** The card's key: its merchant and token. */
    @Embeddable
    record Key(@MappedProperty("merchant_id") String merchantId, @MappedProperty("token") String token) {
    }
}
