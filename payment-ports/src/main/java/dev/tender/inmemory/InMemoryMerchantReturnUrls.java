package dev.tender.inmemory;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.ports.out.MerchantReturnUrls;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Option;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public final class InMemoryMerchantReturnUrls implements MerchantReturnUrls {

    private final ConcurrentMap<Tuple2<MerchantId, PaymentId>, String> urls = new ConcurrentHashMap<>();

    @Override
    public void keep(MerchantId merchantId, PaymentId paymentId, String returnUrl) {
        urls.put(Tuple.of(merchantId, paymentId), returnUrl);
    }

    @Override
    public Option<String> find(MerchantId merchantId, PaymentId paymentId) {
        return Option.of(urls.get(Tuple.of(merchantId, paymentId)));
    }
}
