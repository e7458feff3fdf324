package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * The fields Tender models that create, update and confirm share. The mandate fields are read here too:
 * {@code setup_future_usage: on_session} and {@code off_session: false} are kept as data; asking for a
 * mandate is refused, since this API does not set up or charge mandates yet.
 */
record PaymentRequestCommon(@Nullable String captureMethod, @Nullable String customerId,
                            @Nullable Map<String, String> metadata, @Nullable String returnUrl,
                            @Nullable String description, @Nullable String setupFutureUsage,
                            @Nullable Boolean offSession) {

    static final int DESCRIPTION_LENGTH = 1000;
    private static final String NO_MANDATES = "mandates are not offered by this API yet";

    static PaymentRequestCommon read(JsonBody body) {
        String setupFutureUsage = body.string("setup_future_usage");
        if (setupFutureUsage != null && !setupFutureUsage.equals("on_session")) {
            body.error("setup_future_usage", setupFutureUsage.equals("off_session") ? NO_MANDATES
                    : "must be on_session or off_session");
        }
        Boolean offSession = body.bool("off_session");
        if (Boolean.TRUE.equals(offSession)) {
            body.error("off_session", NO_MANDATES);
        }
        for (String field : new String[]{"mandate_id", "mandate_data", "customer_acceptance", "recurring_details"}) {
            if (body.has(field)) {
                body.error(field, NO_MANDATES);
            }
        }
        return new PaymentRequestCommon(body.string("capture_method"), body.string("customer_id"),
                body.metadata("metadata"), body.string("return_url"), body.string("description", DESCRIPTION_LENGTH),
                setupFutureUsage, offSession);
    }

    /** Whether the body asks to change what an update changes. */
    boolean changesPayment() {
        return captureMethod != null || customerId != null || metadata != null;
    }
}
