package dev.tender.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** POST /payments/{payment_id}/update_metadata: the new metadata, replacing the old. */
@Serdeable
public record PaymentsUpdateMetadataRequest(@Nullable Map<String, String> metadata) {
}
