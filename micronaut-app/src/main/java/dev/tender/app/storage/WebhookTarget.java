package dev.tender.app.storage;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.Set;

/**
 * Where and how a merchant's webhooks are sent: its {@code webhook_details} and
 * {@code payment_response_hash_key} as the delivery needs them, the secrets opened. {@link #toString()} never
 * shows the password nor the hash key.
 *
 * <p>The statuses are wire names ({@code succeeded}, {@code requires_capture}, …); an empty set means every
 * status. What Hyperswitch does when {@code payment_statuses_enabled} (or {@code refund_statuses_enabled}) is
 * absent or empty, read in juspay/hyperswitch: {@code crates/hyperswitch_domain_models/src/business_profile.rs}
 * first had {@code get_payment_webhook_statuses}, which filters an empty list out and falls back to
 * {@code common_types::consts::DEFAULT_PAYMENT_WEBHOOK_TRIGGER_STATUSES} (succeeded, failed,
 * partially_captured, requires_merchant_action; refunds: success, failure, transaction_failure). The later
 * version of that file has {@code get_configured_payment_webhook_statuses}, which returns none for an absent
 * or empty list (no status filter), and gives the merchant's URL every {@code EventType} by default
 * ({@code WebhookUrls::get_multiple_webhook_urls}). Tender follows the later one: no list, or an empty one,
 * means every status, so a merchant that configures nothing hears of every change Tender makes. The caller of
 * {@code get_configured_…} was not found in the indexed sources; the fallback set above is the alternative.
 */
public record WebhookTarget(URI url, @Nullable String username, @Nullable String password, String hashKey,
                            Set<String> paymentStatusesEnabled, Set<String> refundStatusesEnabled) {

    public WebhookTarget {
        paymentStatusesEnabled = Set.copyOf(paymentStatusesEnabled);
        refundStatusesEnabled = Set.copyOf(refundStatusesEnabled);
    }

    /** Whether a payment that reached this status is sent. */
    public boolean wantsPayment(String status) {
        return paymentStatusesEnabled.isEmpty() || paymentStatusesEnabled.contains(status);
    }

    /** Whether a refund that reached this status is sent. */
    public boolean wantsRefund(String status) {
        return refundStatusesEnabled.isEmpty() || refundStatusesEnabled.contains(status);
    }

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", username=" + username + ", password=" + (password == null ? null
                : "********") + ", hashKey=********, paymentStatusesEnabled=" + paymentStatusesEnabled
                + ", refundStatusesEnabled=" + refundStatusesEnabled + "]";
    }
}
