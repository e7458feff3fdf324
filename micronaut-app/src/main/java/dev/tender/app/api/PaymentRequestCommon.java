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

    /** The typed request's common fields, with what it asks of mandates (read from the same body). */
    static PaymentRequestCommon of(PaymentsRequest request, MandateRequest mandate) {
        return new PaymentRequestCommon(request.captureMethod(), request.customerId(), request.metadata(),
                request.returnUrl(), request.description(), mandate);
    }
}
