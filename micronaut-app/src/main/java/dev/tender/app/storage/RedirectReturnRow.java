package dev.tender.app.storage;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A row of {@code redirect_returns} (V5): the merchant's return URL of one payment. Never versioned: a confirm's
 * URL replaces the create's whatever happened in between ({@link RedirectReturnRows#keep}).
 */
@MappedEntity("redirect_returns")
record RedirectReturnRow(@EmbeddedId Key id, @MappedProperty("return_url") String returnUrl) {

    /** The payment's key. */
    @Embeddable
    record Key(@MappedProperty("merchant_id") String merchantId, @MappedProperty("payment_id") String paymentId) {
    }
}
