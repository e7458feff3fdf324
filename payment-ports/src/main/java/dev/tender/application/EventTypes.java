package dev.tender.application;

import dev.tender.domain.payment.PaymentStatus;
import dev.tender.domain.payment.RefundStatus;
import io.vavr.control.Option;

/** Hyperswitch's webhook event types for a payment's new status, or a refund's. */
final class EventTypes {

    private EventTypes() {
    }

    static Option<String> forPayment(PaymentStatus status) {
        return Option.of(switch (status) {
            case SUCCEEDED -> "payment_succeeded";
            case FAILED -> "payment_failed";
            case PROCESSING -> "payment_processing";
            case CANCELLED -> "payment_cancelled";
            case CANCELLED_POST_CAPTURE -> "payment_cancelled_post_capture";
            case REQUIRES_CAPTURE -> "payment_authorized";
            case PARTIALLY_CAPTURED, PARTIALLY_CAPTURED_AND_CAPTURABLE -> "payment_captured";
            // Hyperswitch's EventType has nothing of its own for a payment held for the merchant's review: its
            // router announces both kinds of waiting as action_required, and a client knows no other name
            case REQUIRES_CUSTOMER_ACTION, REQUIRES_MERCHANT_ACTION -> "action_required";
            case EXPIRED -> "payment_expired";
            case REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION -> null;
        });
    }

    static Option<String> forRefund(RefundStatus status) {
        return switch (status) {
            case SUCCEEDED -> Option.some("refund_succeeded");
            case FAILED -> Option.some("refund_failed");
            case PENDING, REVIEW -> Option.none();
        };
    }
}
