package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/**
 * The fields Tender models that create, update and confirm share, the mandate fields among them
 * ({@link MandateRequest}): a create may set up or charge a mandate; an update or a confirm keeps
 * {@code setup_future_usage: on_session} and {@code off_session: false} as data and refuses the rest.
 */
record PaymentRequestCommon(@Nullable String captureMethod, @Nullable String customerId,
                            @Nullable Map<String, String> metadata, @Nullable String returnUrl,
                            @Nullable String description, MandateRequest mandate) {

    static final int DESCRIPTION_LENGTH = 1000;

    /** The fields of an update or a confirm. */
    static PaymentRequestCommon read(JsonBody body) {
        return read(body, MandateRequest.readAfterCreate(body));
    }

    static PaymentRequestCommon readCreate(JsonBody body) {
        return read(body, MandateRequest.read(body));
    }

    private static PaymentRequestCommon read(JsonBody body, MandateRequest mandate) {
        return new PaymentRequestCommon(body.string("capture_method"), body.string("customer_id"),
                body.metadata("metadata"), body.string("return_url"), body.string("description", DESCRIPTION_LENGTH),
                mandate);
    }

    /** Whether the body asks to change what an update changes. */
    boolean changesPayment() {
        return captureMethod != null || customerId != null || metadata != null;
    }
}
