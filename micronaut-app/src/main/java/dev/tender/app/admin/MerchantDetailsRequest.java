package dev.tender.app.admin;

import dev.tender.app.storage.AddressDetails;
import dev.tender.app.storage.MerchantDetails;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Hyperswitch's {@code merchant_details} of a merchant account request, with its lengths. */
@Serdeable(naming = SnakeCaseStrategy.class)
record MerchantDetailsRequest(@Nullable @Size(max = 255) String primaryContactPerson,
                              @Nullable @Size(max = 255) String primaryPhone,
                              @Nullable @Size(max = 255) String primaryEmail,
                              @Nullable @Size(max = 255) String secondaryContactPerson,
                              @Nullable @Size(max = 255) String secondaryPhone,
                              @Nullable @Size(max = 255) String secondaryEmail,
                              @Nullable @Size(max = 255) String website,
                              @Nullable @Size(max = 1024) String aboutBusiness,
                              @Nullable @Valid Address address,
                              @Nullable @Size(max = 255) String merchantTaxRegistrationId) {

    /** {@code merchant_details.address}; the country is an ISO 3166 alpha-2 code. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Address(@Nullable @Size(max = 50) String city,
                   @Nullable @Pattern(regexp = "[A-Z]{2}",
                           message = "must be an ISO 3166 alpha-2 country code, e.g. US") String country,
                   @Nullable @Size(max = 200) String line1, @Nullable @Size(max = 50) String line2,
                   @Nullable @Size(max = 50) String line3, @Nullable @Size(max = 50) String zip,
                   @Nullable @Size(max = 255) String state, @Nullable @Size(max = 255) String firstName,
                   @Nullable @Size(max = 255) String lastName, @Nullable @Size(max = 50) String originZip) {

        AddressDetails stored() {
            return new AddressDetails(city, country, line1, line2, line3, zip, state, firstName, lastName, originZip);
        }
    }

    /** As the merchant account keeps it. */
    MerchantDetails stored() {
        return new MerchantDetails(primaryContactPerson, primaryPhone, primaryEmail, secondaryContactPerson,
                secondaryPhone, secondaryEmail, website, aboutBusiness, address == null ? null : address.stored(),
                merchantTaxRegistrationId);
    }
}
