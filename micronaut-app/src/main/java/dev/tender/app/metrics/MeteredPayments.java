package dev.tender.app.metrics;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.PaymentEffects;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.StorageConflict;
import io.micrometer.core.instrument.MeterRegistry;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Payments storage that counts what it saves: {@code tender.payments.saved} by resulting status, and
 * {@code tender.payments.conflicts} for saves that lost a race (concurrent requests on one payment).
 */
public final class MeteredPayments implements Payments {

    private final Payments delegate;
    private final MeterRegistry registry;

    public MeteredPayments(Payments delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Option<Payment> find(MerchantId merchantId, PaymentId paymentId) {
        return delegate.find(merchantId, paymentId);
    }

    @Override
    public Either<StorageConflict, Payment> save(Payment payment) {
        return counted(payment, delegate.save(payment));
    }

    @Override
    public Either<StorageConflict, Payment> save(Payment payment, PaymentEffects effects,
                                                 java.util.function.Consumer<PaymentEffects> writeEffects) {
        return counted(payment, delegate.save(payment, effects, writeEffects));
    }

    private Either<StorageConflict, Payment> counted(Payment payment, Either<StorageConflict, Payment> saved) {
        if (saved.isRight()) {
            registry.counter("tender.payments.saved", "status", payment.status().wireName()).increment();
        } else {
            registry.counter("tender.payments.conflicts", "kind", saved.getLeft().kind().name().toLowerCase(
                    java.util.Locale.ROOT)).increment();
        }
        return saved;
    }

    @Override
    public Page<Payment> list(MerchantId merchantId, ListQuery query) {
        return delegate.list(merchantId, query);
    }

    @Override
    public io.vavr.collection.List<Payment> dueForExpiry(java.time.Instant now, int limit) {
        return delegate.dueForExpiry(now, limit);
    }
}
