package dev.tender.app.admin;

import dev.tender.app.api.JsonFields;
import dev.tender.app.storage.AdminIds;
import dev.tender.app.storage.MerchantDetails;
import dev.tender.app.storage.MerchantSettings;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * The fields of {@code MerchantAccountCreate} and {@code MerchantAccountUpdate} that Tender keeps; each is
 * null when absent, which leaves it as it was. The fields Tender does not act on are accepted and not kept
 * ({@link #IGNORED}).
 */
record MerchantAccountFields(@Nullable String merchantName, @Nullable MerchantDetails merchantDetails,
                             @Nullable String returnUrl, @Nullable Map<String, String> metadata,
                             @Nullable Boolean subMerchantsEnabled, @Nullable String parentMerchantId,
                             @Nullable String lockerId) {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_ID_LENGTH = 64;
    /** Webhooks, response hashes, routing algorithms, recon: not done by Tender (yet); not kept. */
    static final String[] IGNORED = {"webhook_details", "payout_routing_algorithm", "enable_payment_response_hash",
            "payment_response_hash_key", "redirect_to_merchant_with_http_post", "publishable_key",
            "primary_business_details", "frm_routing_algorithm", "pm_collect_link_config"};

    static MerchantAccountFields read(JsonFields body) {
        JsonFields details = body.object("merchant_details");
        body.ignore(IGNORED);
        return new MerchantAccountFields(body.string("merchant_name", MAX_NAME_LENGTH),
                details == null ? null : MerchantDetailsFields.read(details), body.returnUrl(),
                body.metadata("metadata"),
                body.bool("sub_merchants_enabled"), body.string("parent_merchant_id", MAX_ID_LENGTH),
                body.string("locker_id", MAX_ID_LENGTH));
    }

    /** An id field: letters, digits, {@code _} and {@code -}, up to 64; null if absent or wrong. */
    @Nullable
    static String id(JsonFields body, String name) {
        String id = body.string(name);
        if (id != null && !id.matches(AdminIds.ID_PATTERN)) {
            body.error(name, "must be 1 to 64 letters, digits, '_' or '-'");
            return null;
        }
        return id;
    }

    MerchantSettings applyTo(MerchantSettings current) {
        return new MerchantSettings(merchantDetails != null ? merchantDetails : current.merchantDetails(),
                returnUrl != null ? returnUrl : current.returnUrl(), metadata != null ? metadata : current.metadata(),
                subMerchantsEnabled != null ? subMerchantsEnabled : current.subMerchantsEnabled(),
                parentMerchantId != null ? parentMerchantId : current.parentMerchantId(),
                lockerId != null ? lockerId : current.lockerId());
    }
}
