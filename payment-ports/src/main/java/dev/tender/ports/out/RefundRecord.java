package dev.tender.ports.out;

import dev.tender.domain.money.Money;
import dev.tender.domain.payment.Failure;
import dev.tender.domain.payment.MerchantId;
import dev.tender.domain.payment.Payment;
import dev.tender.domain.payment.PaymentId;
import dev.tender.domain.payment.RefundStatus;
import dev.tender.domain.payment.Transaction;
import dev.tender.domain.payment.TransactionId;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/** A refund as listed and looked up by its own id; the payment's refund transaction is its source. */
public record RefundRecord(TransactionId refundId, MerchantId merchantId, PaymentId paymentId, Money amount,
                           RefundStatus status, Option<String> reason, Option<String> connectorRefundId,
                           Option<Failure> failure, Instant createdAt, Instant updatedAt) {
    public RefundRecord {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(connectorRefundId, "connectorRefundId");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static RefundRecord of(Payment payment, Transaction refund) {
        return new RefundRecord(refund.id(), payment.merchantId(), payment.id(), refund.amount(),
                refund.refundStatus(), refund.reason(), refund.reference(), refund.failure(), refund.createdAt(),
                refund.observedAt());
    }
}
