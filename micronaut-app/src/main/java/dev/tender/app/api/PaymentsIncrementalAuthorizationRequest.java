package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** POST /payments/{payment_id}/incremental_authorization: {@code amount} is the new authorized total. */
@Serdeable
public record PaymentsIncrementalAuthorizationRequest(@Nullable Long amount, @Nullable @Size(max = 255) String reason) {
}
