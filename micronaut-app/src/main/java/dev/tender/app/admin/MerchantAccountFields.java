package dev.tender.app.admin;

import dev.tender.app.http.JsonBody;
import dev.tender.app.http.ReturnUrl;
import dev.tender.app.storage.MerchantDetails;
import dev.tender.app.storage.MerchantSettings;
import dev.tender.app.storage.WebhookSecrets;
import dev.tender.app.storage.WebhookSettings;
import dev.tender.app.webhooks.TargetPolicy;
import io.micronaut.core.annotation.Nullable;

import java.security.SecureRandom;
import java.util.Map;

/**
 * The fields of {@code MerchantAccountCreate} and {@code MerchantAccountUpdate} ({@link MerchantAccountRequest})
 * that Tender keeps; each is null when absent, which leaves it as it was. The webhook password and the hash key
 * are in clear here only: {@link #applyTo} seals them.
 */
record MerchantAccountFields(@Nullable String merchantName, @Nullable MerchantDetails merchantDetails,
                             @Nullable String returnUrl, @Nullable Map<String, String> metadata,
                             @Nullable Boolean subMerchantsEnabled, @Nullable String parentMerchantId,
                             @Nullable String lockerId, @Nullable WebhookDetailsRequest webhookDetails,
                             @Nullable Boolean enablePaymentResponseHash, @Nullable String paymentResponseHashKey) {

    static final int MAX_ID_LENGTH = 64;
    static final String WEBHOOK_URL = "webhook_details.webhook_url";
    /** Hyperswitch's {@code generate_cryptographically_secure_random_string(64)}: 64 letters and digits. */
    static final int HASH_KEY_LENGTH = 64;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The request's changes; its return URL, webhook URL and statuses checked (errors in the body otherwise). */
    static MerchantAccountFields of(MerchantAccountRequest request, JsonBody body, TargetPolicy targets) {
        return new MerchantAccountFields(request.merchantName(),
                request.merchantDetails() == null ? null : request.merchantDetails().stored(),
                ReturnUrl.checked(body, "return_url", request.returnUrl()), request.metadata(),
                request.subMerchantsEnabled(), request.parentMerchantId(), request.lockerId(),
                webhook(body, request.webhookDetails(), targets), request.enablePaymentResponseHash(),
                request.paymentResponseHashKey());
    }

    @Nullable
    private static WebhookDetailsRequest webhook(JsonBody body, @Nullable WebhookDetailsRequest w,
                                                 TargetPolicy targets) {
        if (w == null) {
            return null;
        }
        String url = w.webhookUrl();
        if (url != null && !body.failed(WEBHOOK_URL)) {
            url = targets.check(url).fold(refused -> {
                body.error(WEBHOOK_URL, refused);
                return null;
            }, checked -> w.webhookUrl());
        }
        return new WebhookDetailsRequest(w.webhookVersion(), w.webhookUsername(), w.webhookPassword(), url,
                w.paymentCreatedEnabled(), w.paymentSucceededEnabled(), w.paymentFailedEnabled(),
                WebhookStatuses.checked(body, "webhook_details.payment_statuses_enabled",
                        w.paymentStatusesEnabled(), WebhookStatuses.INTENT, Map.of()),
                WebhookStatuses.checked(body, "webhook_details.refund_statuses_enabled",
                        w.refundStatusesEnabled(), WebhookStatuses.REFUND, WebhookStatuses.REFUND_ALIASES),
                WebhookStatuses.checked(body, "webhook_details.payout_statuses_enabled",
                        w.payoutStatusesEnabled(), WebhookStatuses.PAYOUT, Map.of()));
    }

    /**
     * The settings with these changes, the secrets sealed for the merchant. A merchant without a hash key gets
     * one (at create, as Hyperswitch; at the first update of a merchant made before Tender kept one).
     */
    MerchantSettings applyTo(MerchantSettings current, String merchantId, WebhookSecrets secrets) {
        WebhookSettings webhook = current.webhookDetails();
        if (webhookDetails != null) {
            WebhookDetailsRequest w = webhookDetails;
            WebhookSettings change = new WebhookSettings(w.webhookVersion(), w.webhookUsername(),
                    w.webhookPassword() == null ? null
                            : secrets.seal(merchantId, WebhookSecrets.Kind.WEBHOOK_PASSWORD, w.webhookPassword()),
                    w.webhookUrl(), w.paymentCreatedEnabled(), w.paymentSucceededEnabled(), w.paymentFailedEnabled(),
                    w.paymentStatusesEnabled(), w.refundStatusesEnabled(), w.payoutStatusesEnabled());
            webhook = (webhook == null ? WebhookSettings.NONE : webhook).merge(change);
        }
        String hashKey = paymentResponseHashKey != null
                ? secrets.seal(merchantId, WebhookSecrets.Kind.PAYMENT_RESPONSE_HASH_KEY, paymentResponseHashKey)
                : current.sealedPaymentResponseHashKey() != null ? current.sealedPaymentResponseHashKey()
                : secrets.seal(merchantId, WebhookSecrets.Kind.PAYMENT_RESPONSE_HASH_KEY, newHashKey());
        return new MerchantSettings(merchantDetails != null ? merchantDetails : current.merchantDetails(),
                returnUrl != null ? returnUrl : current.returnUrl(), metadata != null ? metadata : current.metadata(),
                subMerchantsEnabled != null ? subMerchantsEnabled : current.subMerchantsEnabled(),
                parentMerchantId != null ? parentMerchantId : current.parentMerchantId(),
                lockerId != null ? lockerId : current.lockerId(), webhook,
                enablePaymentResponseHash != null ? enablePaymentResponseHash : current.enablePaymentResponseHash(),
                hashKey);
    }

    static String newHashKey() {
        StringBuilder key = new StringBuilder(HASH_KEY_LENGTH);
        for (int i = 0; i < HASH_KEY_LENGTH; i++) {
            key.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return key.toString();
    }
}
