package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** POST /payments/{payment_id}/incremental_authorization: {@code amount} is the new authorized total. */
@Serdeable
public record PaymentsIncrementalAuthorizationRequest(@Nullable Long amount, @Nullable String reason) {

    static PaymentsIncrementalAuthorizationRequest read(JsonBody body) {
        return new PaymentsIncrementalAuthorizationRequest(body.integer("amount"), body.string("reason", 255));
    }
}
