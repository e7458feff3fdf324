package dev.tender.ports.out;

import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Mandates; at most one per setup payment. Optimistic locking on the version. */
public interface Mandates {

    Option<Versioned<Mandate>> find(MerchantId merchantId, MandateId mandateId);

    Option<Versioned<Mandate>> findBySetupPayment(MerchantId merchantId, PaymentId setupPaymentId);

    /** A conflict for a second mandate of the same setup payment, or a stale version. */
    Either<StorageConflict, Versioned<Mandate>> save(Versioned<Mandate> mandate);

    List<Mandate> forCustomer(MerchantId merchantId, String customerId);
}
