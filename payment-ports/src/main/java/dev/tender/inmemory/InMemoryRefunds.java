package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.TransactionId;
import dev.tender.ports.out.ListQuery;
import dev.tender.ports.out.Page;
import dev.tender.ports.out.RefundRecord;
import dev.tender.ports.out.Refunds;
import dev.tender.ports.out.StorageConflict;
import dev.tender.ports.out.Versioned;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public final class InMemoryRefunds implements Refunds {

    private final ConcurrentMap<Tuple2<MerchantId, TransactionId>, Versioned<RefundRecord>> rows =
            new ConcurrentHashMap<>();

    @Override
    public Option<Versioned<RefundRecord>> find(MerchantId merchantId, TransactionId refundId) {
        return Option.of(rows.get(Tuple.of(merchantId, refundId)));
    }

    @Override
    public Either<StorageConflict, Versioned<RefundRecord>> save(Versioned<RefundRecord> refund) {
        RefundRecord value = refund.value();
        return Versions.save(rows, Tuple.of(value.merchantId(), value.refundId()), refund, "refund " + value.refundId());
    }

    @Override
    public Page<RefundRecord> list(MerchantId merchantId, ListQuery query) {
        List<RefundRecord> mine = List.ofAll(rows.values()).map(Versioned::value)
                .filter(r -> r.merchantId().equals(merchantId));
        return Pages.of(mine, query, RefundRecord::createdAt, r -> r.refundId().value());
    }
}
