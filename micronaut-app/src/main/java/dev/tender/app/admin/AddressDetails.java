package dev.tender.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tender.app.api.JsonFields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Hyperswitch's {@code AddressDetails}, with its lengths; the country is an ISO 3166 alpha-2 code. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AddressDetails(@Nullable String city, @Nullable String country, @Nullable String line1,
                             @Nullable String line2, @Nullable String line3, @Nullable String zip,
                             @Nullable String state, @Nullable String firstName, @Nullable String lastName,
                             @Nullable String originZip) {

    static AddressDetails read(JsonFields address) {
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
