package dev.tender.app.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Hyperswitch's {@code MerchantDetails}: who to contact at the merchant. Kept and shown back, not used. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MerchantDetails(@Nullable String primaryContactPerson, @Nullable String primaryPhone,
                              @Nullable String primaryEmail, @Nullable String secondaryContactPerson,
                              @Nullable String secondaryPhone, @Nullable String secondaryEmail,
                              @Nullable String website, @Nullable String aboutBusiness,
                              @Nullable AddressDetails address, @Nullable String merchantTaxRegistrationId) {
}
