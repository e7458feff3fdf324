package dev.tender.ports.out;

import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.TransactionId;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a merchant's webhook should hear about: {@code type} is Hyperswitch's event type
 * ({@code payment_succeeded}, {@code refund_failed}, …).
 */
public record OutboxEvent(String id, MerchantId merchantId, String type, PaymentId paymentId,
                          Option<TransactionId> refundId, PaymentStatus paymentStatus, Instant occurredAt) {
    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(paymentStatus, "paymentStatus");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
