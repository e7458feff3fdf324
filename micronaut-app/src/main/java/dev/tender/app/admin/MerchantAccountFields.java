package dev.tender.app.admin;

import dev.tender.app.http.JsonBody;
import dev.tender.app.http.ReturnUrl;
import dev.tender.app.storage.AdminIds;
import dev.tender.app.storage.MerchantDetails;
import dev.tender.app.storage.MerchantSettings;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * The fields of {@code MerchantAccountCreate} and {@code MerchantAccountUpdate} ({@link MerchantAccountRequest})
 * that Tender keeps; each is null when absent, which leaves it as it was.
 */
record MerchantAccountFields(@Nullable String merchantName, @Nullable MerchantDetails merchantDetails,
                             @Nullable String returnUrl, @Nullable Map<String, String> metadata,
                             @Nullable Boolean subMerchantsEnabled, @Nullable String parentMerchantId,
                             @Nullable String lockerId) {

    static final int MAX_ID_LENGTH = 64;

    /** The request's changes; its return URL checked (an error in the body otherwise). */
    static MerchantAccountFields of(MerchantAccountRequest request, JsonBody body) {
        return new MerchantAccountFields(request.merchantName(),
                request.merchantDetails() == null ? null : request.merchantDetails().stored(),
                ReturnUrl.checked(body, "return_url", request.returnUrl()), request.metadata(),
                request.subMerchantsEnabled(), request.parentMerchantId(), request.lockerId());
    }

    MerchantSettings applyTo(MerchantSettings current) {
        return new MerchantSettings(merchantDetails != null ? merchantDetails : current.merchantDetails(),
                returnUrl != null ? returnUrl : current.returnUrl(), metadata != null ? metadata : current.metadata(),
                subMerchantsEnabled != null ? subMerchantsEnabled : current.subMerchantsEnabled(),
                parentMerchantId != null ? parentMerchantId : current.parentMerchantId(),
                lockerId != null ? lockerId : current.lockerId());
    }
}
