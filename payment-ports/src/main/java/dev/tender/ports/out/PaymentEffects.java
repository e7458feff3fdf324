package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.TransactionId;
import io.vavr.collection.List;

import java.util.Objects;

/**
 * What follows from one change of a payment, to be written with it, all or none: the reconciler's tasks for
 * the transactions the change opened, the end of those for the transactions it settled, the refund records
 * of the refunds it changed, and the events merchants' webhooks will hear about, in the order they happened.
 * See {@link Payments#save(dev.tender.domain.payment.Payment, PaymentEffects, java.util.function.Consumer)}.
 */
public record PaymentEffects(MerchantId merchantId, PaymentId paymentId, List<ReconciliationTask> queued,
                             List<TransactionId> settled, List<RefundRecord> refunds, List<OutboxEvent> events) {

    public PaymentEffects {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(queued, "queued");
        Objects.requireNonNull(settled, "settled");
        Objects.requireNonNull(refunds, "refunds");
        Objects.requireNonNull(events, "events");
    }

    public boolean isEmpty() {
        return queued.isEmpty() && settled.isEmpty() && refunds.isEmpty() && events.isEmpty();
    }
}
