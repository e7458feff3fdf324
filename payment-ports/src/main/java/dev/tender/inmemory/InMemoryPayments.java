package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.Payments;
import dev.tender.ports.out.StorageConflict;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/** Payments in a concurrent map; a save compares versions atomically, as a version column would. */
public final class InMemoryPayments implements Payments {

    private final ConcurrentMap<Tuple2<MerchantId, PaymentId>, Payment> rows = new ConcurrentHashMap<>();

    @Override
    public Option<Payment> find(MerchantId merchantId, PaymentId paymentId) {
        return Option.of(rows.get(Tuple.of(merchantId, paymentId)));
    }

    @Override
    public Either<StorageConflict, Payment> save(Payment payment) {
        AtomicReference<Either<StorageConflict, Payment>> result = new AtomicReference<>();
        rows.compute(Tuple.of(payment.merchantId(), payment.id()), (key, stored) -> {
            long expected = stored == null ? 0 : stored.version();
            if (stored == null && payment.version() != 0) {
                result.set(Either.left(StorageConflict.stale("payment " + payment.id())));
                return null;
            }
            if (stored != null && payment.version() == 0) {
                result.set(Either.left(StorageConflict.duplicate("payment " + payment.id())));
                return stored;
            }
            if (payment.version() != expected) {
                result.set(Either.left(StorageConflict.stale("payment " + payment.id())));
                return stored;
            }
            Payment saved = payment.withVersion(expected + 1);
            result.set(Either.right(saved));
            return saved;
        });
        return result.get();
    }

    @Override
    public Page<Payment> list(MerchantId merchantId, ListQuery query) {
        List<Payment> mine = List.ofAll(rows.values()).filter(p -> p.merchantId().equals(merchantId));
        return Pages.of(mine, query, Payment::createdAt, p -> p.id().value());
    }

    @Override
    public List<Payment> dueForExpiry(Instant now, int limit) {
        return List.ofAll(rows.values())
                .filter(p -> p.authorizationLapsed(now) && p.inFlight().isEmpty())
                .sortBy(p -> p.authorizationExpiresAt().get())
                .take(limit);
    }
}
