package dev.tender.app.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Hyperswitch's {@code AddressDetails} of a merchant, stored with its settings (read by the admin API). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AddressDetails(@Nullable String city, @Nullable String country, @Nullable String line1,
                             @Nullable String line2, @Nullable String line3, @Nullable String zip,
                             @Nullable String state, @Nullable String firstName, @Nullable String lastName,
                             @Nullable String originZip) {
}
