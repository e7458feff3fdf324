package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.function.Consumer;

/** Payments, each merchant's apart. Optimistic locking on {@link Payment#version()}. */
public interface Payments {

    Option<Payment> find(MerchantId merchantId, PaymentId paymentId);

    /**
     * Inserts a payment of version 0 (a conflict if the merchant has that id already) or replaces the
     * stored one if its version is still {@code payment.version()}; returns the payment as stored, with
     * the next version.
     */
    Either<StorageConflict, Payment> save(Payment payment);

    /**
     * {@link #save(Payment)}, and only when the payment is saved, what follows from the change. The caller runs
     * it in a {@link UnitOfWork}, so both are kept or neither. An adapter over a database may write them in
     * one statement (no round trip per effect); by default the payment is saved and then {@code writeEffects}
     * writes the effects through their own ports.
     */
    default Either<StorageConflict, Payment> save(Payment payment, PaymentEffects effects,
                                                  Consumer<PaymentEffects> writeEffects) {
        Either<StorageConflict, Payment> saved = save(payment);
        if (saved.isRight()) {
            writeEffects.accept(effects);
        }
        return saved;
    }

    Page<Payment> list(MerchantId merchantId, ListQuery query);

    /**
     * Payments of every merchant whose authorization lapsed at {@code now} ({@code authorizationExpiresAt}
     * not after it) while still capturable ({@code requires_capture}, {@code partially_captured_and_capturable})
     * and with no operation in flight, the longest lapsed first, at most {@code limit}: what the expiry
     * job releases. Several processes may get the same payments; saving the expiry decides which one acts.
     */
    List<Payment> dueForExpiry(Instant now, int limit);
}
