package dev.tender.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tender.app.api.JsonFields;
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

    static final int MAX_LENGTH = 255;

    static MerchantDetails read(JsonFields details) {
        JsonFields address = details.object("address");
        return new MerchantDetails(details.string("primary_contact_person", MAX_LENGTH),
                details.string("primary_phone", MAX_LENGTH), details.string("primary_email", MAX_LENGTH),
                details.string("secondary_contact_person", MAX_LENGTH), details.string("secondary_phone", MAX_LENGTH),
                details.string("secondary_email", MAX_LENGTH), details.string("website", MAX_LENGTH),
                details.string("about_business", 1024), address == null ? null : AddressDetails.read(address),
                details.string("merchant_tax_registration_id", MAX_LENGTH));
    }
}
