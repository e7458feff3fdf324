package dev.tender.app.admin;

import dev.tender.app.http.JsonBody;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statuses a merchant may list in {@code webhook_details}: the spec's {@code IntentStatus},
 * {@code RefundStatus} and {@code PayoutStatus}. The spec types {@code refund_statuses_enabled} as intent
 * statuses and shows {@code ["success", "failure"]}, the names of Hyperswitch's stored refund status; a refund
 * status is what a refund can be, so the list takes {@code RefundStatus} (Tender's wire names) and reads
 * Hyperswitch's stored names as them.
 */
final class WebhookStatuses {

    static final Set<String> INTENT = Set.of("succeeded", "failed", "cancelled", "cancelled_post_capture",
            "processing", "requires_customer_action", "requires_merchant_action", "requires_payment_method",
            "requires_confirmation", "requires_capture", "partially_captured", "partially_captured_and_capturable",
            "partially_authorized_and_requires_capture", "conflicted", "expired");
    static final Set<String> REFUND = Set.of("succeeded", "failed", "pending", "review");
    static final Map<String, String> REFUND_ALIASES = Map.of("success", "succeeded", "failure", "failed",
            "transaction_failure", "failed", "manual_review", "review");
    static final Set<String> PAYOUT = Set.of("success", "failed", "cancelled", "initiated", "expired", "reversed",
            "pending", "ineligible", "requires_creation", "requires_confirmation", "requires_payout_method_data",
            "requires_fulfillment", "requires_vendor_account_creation");

    private WebhookStatuses() {
    }

    /** The list without repeats, each a known status; else null with the field's error in the body. */
    @Nullable
    static List<String> checked(JsonBody body, String field, @Nullable List<String> statuses, Set<String> known,
                                Map<String, String> aliases) {
        if (statuses == null) {
            return null;
        }
        Set<String> read = new LinkedHashSet<>();
        for (String status : statuses) {
            String name = aliases.getOrDefault(status, status);
            if (!known.contains(name)) {
                body.error(field, "must list only these statuses: " + String.join(", ", known.stream().sorted()
                        .toList()));
                return null;
            }
            read.add(name);
        }
        return new ArrayList<>(read);
    }
}
