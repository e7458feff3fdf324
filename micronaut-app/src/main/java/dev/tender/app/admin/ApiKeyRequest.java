package dev.tender.app.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Hyperswitch's {@code CreateApiKeyRequest} and {@code UpdateApiKeyRequest}. */
@Serdeable
record ApiKeyRequest(@Nullable @Size(max = 255) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                     String name, @Nullable @Size(max = 1024) String description, @Nullable String expiration) {
}
