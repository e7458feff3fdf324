package dev.tender.app.admin;

import dev.tender.app.api.JsonFields;
import dev.tender.app.storage.AddressDetails;
import dev.tender.app.storage.MerchantDetails;

/**
 * Reads Hyperswitch's {@code merchant_details} of a merchant account request, with its lengths; the
 * country of its address is an ISO 3166 alpha-2 code. The records themselves are stored as they are.
 */
final class MerchantDetailsFields {

    static final int MAX_LENGTH = 255;

    private MerchantDetailsFields() {
    }

    static MerchantDetails read(JsonFields details) {
        JsonFields address = details.object("address");
        return new MerchantDetails(details.string("primary_contact_person", MAX_LENGTH),
                details.string("primary_phone", MAX_LENGTH), details.string("primary_email", MAX_LENGTH),
                details.string("secondary_contact_person", MAX_LENGTH), details.string("secondary_phone", MAX_LENGTH),
                details.string("secondary_email", MAX_LENGTH), details.string("website", MAX_LENGTH),
                details.string("about_business", 1024), address == null ? null : address(address),
                details.string("merchant_tax_registration_id", MAX_LENGTH));
    }

    private static AddressDetails address(JsonFields address) {
        String country = address.string("country");
        if (country != null && !country.matches("[A-Z]{2}")) {
            address.error("country", "must be an ISO 3166 alpha-2 country code, e.g. US");
            country = null;
        }
        return new AddressDetails(address.string("city", 50), country, address.string("line1", 200),
                address.string("line2", 50), address.string("line3", 50), address.string("zip", 50),
                address.string("state", 255), address.string("first_name", 255), address.string("last_name", 255),
                address.string("origin_zip", 50));
    }
}
