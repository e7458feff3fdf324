package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.TransactionId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Refunds by their own id, for lookup and lists. Optimistic locking on the version. */
public interface Refunds {

    Option<Versioned<RefundRecord>> find(MerchantId merchantId, TransactionId refundId);

    /** Inserts (version 0; a conflict if the merchant has that refund id) or replaces version {@code version}. */
    Either<StorageConflict, Versioned<RefundRecord>> save(Versioned<RefundRecord> refund);

    Page<RefundRecord> list(MerchantId merchantId, ListQuery query);
}
