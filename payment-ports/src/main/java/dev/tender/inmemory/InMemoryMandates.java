package dev.tender.inmemory;

import dev.tender.domain.payment.Mandate;
import dev.tender.domain.payment.MandateId;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.Mandates;
import dev.tender.ports.out.StorageConflict;
import dev.tender.ports.out.Versioned;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Mandates, with the unique key "one mandate per setup payment" that the SQL schema has. */
public final class InMemoryMandates implements Mandates {

    private final ConcurrentMap<Tuple2<MerchantId, MandateId>, Versioned<Mandate>> rows = new ConcurrentHashMap<>();
    private final ConcurrentMap<Tuple2<MerchantId, PaymentId>, MandateId> bySetupPayment = new ConcurrentHashMap<>();

    @Override
    public Option<Versioned<Mandate>> find(MerchantId merchantId, MandateId mandateId) {
        return Option.of(rows.get(Tuple.of(merchantId, mandateId)));
    }

    @Override
    public Option<Versioned<Mandate>> findBySetupPayment(MerchantId merchantId, PaymentId setupPaymentId) {
        return Option.of(bySetupPayment.get(Tuple.of(merchantId, setupPaymentId)))
                .flatMap(id -> find(merchantId, id));
    }

    @Override
    public Either<StorageConflict, Versioned<Mandate>> save(Versioned<Mandate> mandate) {
        Mandate m = mandate.value();
        if (mandate.version() == 0) {
            MandateId existing = bySetupPayment.putIfAbsent(Tuple.of(m.merchantId(), m.setupPaymentId()), m.id());
            if (existing != null && !existing.equals(m.id())) {
                return Either.left(StorageConflict.duplicate("mandate of payment " + m.setupPaymentId()));
            }
        }
        return Versions.save(rows, Tuple.of(m.merchantId(), m.id()), mandate, "mandate " + m.id());
    }

    @Override
    public List<Mandate> forCustomer(MerchantId merchantId, String customerId) {
        return List.ofAll(rows.values()).map(Versioned::value)
                .filter(m -> m.merchantId().equals(merchantId) && m.customerId().equals(customerId))
                .sortBy(Mandate::createdAt);
    }
}
