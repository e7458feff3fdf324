package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Payments, each merchant's apart. Optimistic locking on {@link Payment#version()}. */
public interface Payments {

    Option<Payment> find(MerchantId merchantId, PaymentId paymentId);

    /**
     * Inserts a payment of version 0 (a conflict if the merchant has that id already) or replaces the
     * stored one if its version is still {@code payment.version()}; returns the payment as stored, with
     * the next version.
     */
    Either<StorageConflict, Payment> save(Payment payment);

    Page<Payment> list(MerchantId merchantId, ListQuery query);
}
